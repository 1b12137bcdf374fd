package dev.practicetracker.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer to every error the servlet container forwards to {@code /error} (a filter's failure, the firewall's
 * refusal of an odd address, a {@code sendError}), in place of Spring Boot's default JSON: a problem typed by its
 * status, whose detail never carries the exception's message (a stack trace or SQL may be in it). Called directly,
 * {@code /error} is nothing a client can ask for: 404.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorProblems implements ErrorController {

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        response.resetBuffer();
        Problems.write(Problems.forStatus(status), request, response);
    }
}
