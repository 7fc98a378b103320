package dev.routeplan.app.plans;

import dev.routeplan.batch.store.ArtifactKind;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A published file as an HTTP download. Spring MVC does the rest for a {@link Resource} body:
 * {@code If-None-Match} against the ETag answers 304, a {@code Range} answers 206 with
 * {@code Content-Range}, and {@code Accept-Ranges: bytes} is announced.
 */
public final class Downloads {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Downloads() {
    }

    public static ResponseEntity<Resource> of(Artifact artifact) {
        return ResponseEntity.ok()
                // the SHA-256 names the content exactly: a strong validator
                .eTag("\"" + artifact.sha256() + "\"")
                .contentType(mediaType(artifact.kind()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(artifact.name(), StandardCharsets.UTF_8).build().toString())
                // a client may keep a copy but must ask again (cheap with the ETag): a plan can be republished
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(artifact.path()));
    }

    static MediaType mediaType(ArtifactKind kind) {
        return switch (kind) {
            case ROUTE_MAP_PNG -> MediaType.IMAGE_PNG;
            case PLAN_XLSX, RUN_PLAN_XLSX, REJECTS_XLSX, COMPLIANCE_XLSX -> XLSX;
            case MANIFEST_PDF, COMPLIANCE_PDF -> MediaType.APPLICATION_PDF;
            case ROUTES_CSV, UNASSIGNED_CSV, REJECTS_CSV, VEHICLES_SET_ASIDE_CSV -> CSV;
            case SUMMARY_JSON -> MediaType.APPLICATION_JSON;
        };
    }
}
