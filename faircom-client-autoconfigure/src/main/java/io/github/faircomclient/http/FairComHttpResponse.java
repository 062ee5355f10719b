package io.github.faircomclient.http;

import org.springframework.http.HttpHeaders;

/**
 * The raw HTTP answer to one FairCom call: status, headers and the whole body, read
 * whatever the status.
 *
 * @param statusCode the HTTP status code
 * @param headers the response headers
 * @param body the response body; empty when the server sent none
 */
public record FairComHttpResponse(int statusCode, HttpHeaders headers, byte[] body) {

}
