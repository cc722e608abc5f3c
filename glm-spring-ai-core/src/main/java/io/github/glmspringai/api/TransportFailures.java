/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.glmspringai.api;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

import io.netty.handler.codec.DecoderException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Turns what the transport throws into typed GLM errors, separating what a retry may cure
 * (a refused or dropped connection) from configuration errors that would only be repeated
 * (an untrusted TLS certificate, an invalid request header, a server that does not speak
 * HTTP).
 *
 * @author glm-spring-ai
 */
final class TransportFailures {

	private TransportFailures() {
	}

	/**
	 * The typed exception for a failure of the exchange.
	 * @param failure what the transport threw
	 * @param endpoint the endpoint
	 * @param responded whether a response head had arrived
	 * @return the typed exception
	 */
	static RuntimeException map(Throwable failure, URI endpoint, boolean responded) {
		String hostAndPort = endpoint.getHost() + ":" + ((endpoint.getPort() != -1) ? endpoint.getPort()
				: ("https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80));
		Throwable cause = (failure instanceof WebClientRequestException && failure.getCause() != null)
				? failure.getCause() : failure;
		if (isMalformedHttp(failure)) {
			return GlmError
				.of(responded ? 200 : 0, "MalformedResponse",
						"the server at " + hostAndPort + " did not answer with valid HTTP (" + describe(cause)
								+ "); check spring.ai.glm.base-url and any proxy in between",
						null)
				.withTransient(false)
				.toException(failure);
		}
		if (failure instanceof WebClientRequestException) {
			if (isCertificateFailure(failure)) {
				return GlmError
					.of(0, "CertificateRejected",
							"the TLS certificate of " + hostAndPort + " is not trusted (" + describe(cause)
									+ "); trust its certificate authority with spring.ai.glm.ssl.bundle "
									+ "or the JVM trust store",
							null)
					.withTransient(false)
					.toException(failure);
			}
			if (cause instanceof IllegalArgumentException) {
				return GlmError.of(0, "InvalidRequest", "the request could not be sent (" + describe(cause) + ")", null)
					.withTransient(false)
					.toException(failure);
			}
			return new GlmTransientException(
					GlmError.of(0, "ConnectionFailed", "cannot reach " + hostAndPort + ": " + describe(cause), null),
					failure);
		}
		return new GlmTransientException(GlmError.of(responded ? 200 : 0, "StreamInterrupted",
				"the connection broke before the stream finished: " + describe(cause), null), failure);
	}

	/**
	 * Whether a failure is the connection going away (as opposed to a protocol error).
	 * @param failure the failure
	 * @return {@code true} for an I/O failure
	 */
	static boolean isConnectionLoss(Throwable failure) {
		return !(failure instanceof GlmServiceException) && !isMalformedHttp(failure)
				&& (failure instanceof IOException || failure.getCause() instanceof IOException);
	}

	private static boolean isMalformedHttp(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DecoderException || ((t instanceof IllegalArgumentException) && fromHttpDecoder(t))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static boolean fromHttpDecoder(Throwable t) {
		for (StackTraceElement element : t.getStackTrace()) {
			if (element.getClassName().startsWith("io.netty.handler.codec.http.HttpObjectDecoder")
					|| element.getClassName().startsWith("io.netty.handler.codec.http.HttpResponseDecoder")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCertificateFailure(Throwable failure) {
		boolean handshake = false;
		for (Throwable t = failure; t != null; t = t.getCause()) {
			handshake |= t instanceof SSLHandshakeException;
			if (handshake && (t instanceof CertificateException
					|| (t instanceof GeneralSecurityException && t.getClass().getName().contains("CertPath")))) {
				return true;
			}
			if (handshake && t.getMessage() != null && t.getMessage().contains("PKIX")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static String describe(@Nullable Throwable cause) {
		if (cause == null) {
			return "unknown";
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
