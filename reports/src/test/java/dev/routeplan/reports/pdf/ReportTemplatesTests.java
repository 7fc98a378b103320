package dev.routeplan.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportTemplatesTests {

    @Test
    void sharesOneCompiledReportPerTemplate() {
        assertThat(ReportTemplates.compiled(ManifestTemplate.RESOURCE)).isSameAs(ManifestTemplate.compiled());
    }

    @Test
    void namesATemplateThatIsNotOnTheClasspathEveryTimeItIsAskedFor() {
        String missing = "/dev/routeplan/reports/pdf/no-such-template.jrxml";

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> ReportTemplates.compiled(missing))
                    .isInstanceOf(ReportTemplateException.class)
                    .hasMessageContaining(missing);
        }
    }
}
