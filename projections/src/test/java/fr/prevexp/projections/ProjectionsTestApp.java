package fr.prevexp.projections;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest application for the projections' JPA slice tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProjectionsTestApp {
}
