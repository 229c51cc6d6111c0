package fr.prevexp.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;

/**
 * What Tomcat refuses before the application sees it (an encoded slash in the path, a malformed
 * request line...) is answered problem+json too, instead of Tomcat's HTML report: its error report
 * valve writes the problem of the status ({@code request-rejected} for a 400).
 */
@Configuration
public class ContainerProblems {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            ProblemDetail problem = status == 400
                    ? ProblemHandler.problem(HttpStatus.BAD_REQUEST, Problems.REQUEST_REJECTED, "Requête refusée",
                    "La requête est mal formée (adresse ou en-têtes refusés par le serveur).").getBody()
                    : Problems.of(status).getBody();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
