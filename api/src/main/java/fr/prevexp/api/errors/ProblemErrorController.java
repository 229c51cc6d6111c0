package fr.prevexp.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container's error page ({@code /error}: errors raised in filters, {@code sendError} of the
 * container) answers problem+json with the type of its status, for every client that does not ask
 * for HTML and for every request to {@code /api/**} whatever it asks; browsers elsewhere (Cockpit,
 * the dashboard) keep Spring Boot's page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController extends BasicErrorController {
    private final ObjectMapper json;

    public ProblemErrorController(ErrorAttributes attributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
                                  ObjectMapper json) {
        super(attributes, server.getError(), resolvers.orderedStream().toList());
        this.json = json;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!api(request)) return super.errorHtml(request, response);
        try {
            Problems.write(json, response, problem(request));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(request);
        Map<String, Object> body = new LinkedHashMap<>();
        ProblemDetail detail = problem.getBody();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        for (Throwable e = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e != null; e = e.getCause()) {
            if (e instanceof BodyTooLargeException) return Problems.tooLarge();
        }
        return Problems.of(getStatus(request).value());
    }

    private static boolean api(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }
}
