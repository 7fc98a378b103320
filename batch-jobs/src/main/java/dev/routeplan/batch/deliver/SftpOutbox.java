package dev.routeplan.batch.deliver;

import dev.routeplan.batch.sftp.SftpConnection;
import dev.routeplan.batch.sftp.SftpEndpoint;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.file.support.FileExistsMode;
import org.springframework.integration.sftp.session.SftpRemoteFileTemplate;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Uploads published files to the SFTP outbox with spring-integration-sftp's outbound template:
 * each file is written under a temporary name ({@code NAME.writing}) and renamed when complete,
 * so a reader polling the outbox never takes half a file. An upload replaces a file of the same
 * name. Each file is tried {@code maxAttempts} times with exponential backoff over one connection
 * that is reopened after a failure.
 */
public class SftpOutbox {

    private static final Logger log = LoggerFactory.getLogger(SftpOutbox.class);

    private final SftpEndpoint endpoint;
    private final String remoteDir;
    private final String runRemoteDir;

    public SftpOutbox(SftpEndpoint endpoint, String remoteDir, String runRemoteDir) {
        this.endpoint = endpoint;
        this.remoteDir = remoteDir;
        this.runRemoteDir = runRemoteDir;
    }

    /** The remote folder of a depot's files, or of the run-wide ones when {@code depotId} is null. */
    public String folder(LocalDate planDate, String depotId) {
        String folder = depotId == null ? runRemoteDir : remoteDir.replace("{depot}", depotId);
        return folder.replace("{date}", planDate.toString());
    }

    /** Where the files go, as the delivery records it. */
    public String target(LocalDate planDate, String depotId) {
        return "sftp://" + endpoint.hostAndPort() + folder(planDate, depotId);
    }

    /** Uploads the files into the folder; throws {@link DeliveryException} naming host, folder and cause when it cannot. */
    public void upload(LocalDate planDate, String depotId, List<Path> files) {
        String folder = folder(planDate, depotId);
        try (SftpConnection connection = new SftpConnection(endpoint, folder, (problem, attempts, cause) ->
                new DeliveryException("SFTP " + endpoint.hostAndPort() + " folder " + folder + ": " + problem
                        + (attempts == null ? "" : " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)")), cause))) {
            SftpRemoteFileTemplate template = template(connection, folder);
            for (Path file : files) {
                connection.withRetries("uploading " + file.getFileName(), session ->
                        template.send(MessageBuilder.withPayload(file.toFile()).build(), FileExistsMode.REPLACE));
            }
        }
        log.info("SFTP {}: uploaded {} files to {}", endpoint.hostAndPort(), files.size(), folder);
    }

    private static SftpRemoteFileTemplate template(SftpConnection connection, String folder) {
        SftpRemoteFileTemplate template = new SftpRemoteFileTemplate(connection.sessionFactory());
        template.setRemoteDirectoryExpression(new LiteralExpression(folder));
        template.setAutoCreateDirectory(true);
        template.setUseTemporaryFileName(true);
        // outside an integration flow: the literal folder needs no more than a plain evaluation context
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton(IntegrationContextUtils.INTEGRATION_EVALUATION_CONTEXT_BEAN_NAME, new StandardEvaluationContext());
        template.setBeanFactory(beans);
        template.afterPropertiesSet();
        return template;
    }
}
