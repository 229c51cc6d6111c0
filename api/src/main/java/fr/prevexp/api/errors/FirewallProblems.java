package fr.prevexp.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses suspicious requests ({@code //}, {@code ;}, an encoded
 * {@code %2e} or {@code %2f} in the path...) before any filter chain: they are answered
 * {@code 400} problem+json of type {@code request-rejected}, without echoing the path. (Picked up by
 * Spring Security's {@code WebSecurity} as the one {@link RequestRejectedHandler} bean.)
 */
@Configuration
public class FirewallProblems {

    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(json, response, ProblemHandler.problem(HttpStatus.BAD_REQUEST,
                Problems.REQUEST_REJECTED, "Requête refusée",
                "L'adresse de la requête contient des caractères ou des séquences refusés (par exemple //, ; ou un point encodé)."));
    }
}
