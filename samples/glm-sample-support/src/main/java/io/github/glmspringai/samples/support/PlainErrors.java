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

package io.github.glmspringai.samples.support;

import java.util.Locale;

import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed request into one sentence a user can act on: a rejected key, throttling,
 * no network, a broken stream, an invalid option. Never a stack trace.
 *
 * @author glm-spring-ai
 */
public final class PlainErrors {

	private PlainErrors() {
	}

	/**
	 * Explain a failure in plain words.
	 * @param failure what the stream or call failed with
	 * @param protocol the protocol, for the platform's name, key variables and codes
	 * @return the explanation
	 */
	public static String describe(Throwable failure, GlmProtocol protocol) {
		GlmServiceException glm = find(failure, GlmServiceException.class);
		if (glm != null) {
			return describe(glm, protocol);
		}
		IllegalArgumentException invalid = find(failure, IllegalArgumentException.class);
		if (invalid != null && invalid.getMessage() != null) {
			return "The request was not sent because an option is invalid: " + firstLine(invalid.getMessage());
		}
		return "Something went wrong (" + failure.getClass().getSimpleName()
				+ "). See the application log for details.";
	}

	private static String describe(GlmServiceException error, GlmProtocol protocol) {
		int status = error.getStatusCode();
		String code = (error.getErrorCode() != null) ? error.getErrorCode() : "";
		String lower = code.toLowerCase(Locale.ROOT);
		String detail = detail(error, code);
		boolean zhipu = protocol == GlmProtocol.ZHIPU;
		String platform = zhipu ? "Zhipu" : "Model Studio";
		if (status == 401 || lower.contains("apikey") || lower.contains("api_key")) {
			return "The API key was rejected" + detail + ". Check "
					+ (zhipu ? "ZHIPUAI_API_KEY or ZAI_API_KEY (or spring.ai.glm.api-key): it must be a valid key "
							+ "of the platform of spring.ai.glm.base-url (BigModel or Z.ai)."
							: "DASHSCOPE_API_KEY (or spring.ai.glm.api-key): it must be a valid Model Studio key "
									+ "for the region of spring.ai.glm.base-url.");
		}
		if ("Arrearage".equalsIgnoreCase(code) || (zhipu && "1113".equals(code))) {
			return (zhipu ? "The Zhipu account has no balance or resource package left"
					: "The Alibaba Cloud account is in arrears") + detail + ". Top up the account and try again.";
		}
		if (status == 429) {
			return platform + " is throttling requests" + detail + ": too many "
					+ (zhipu ? "concurrent requests" : "requests or tokens per minute")
					+ ", or the quota is used up. Wait a minute and try again.";
		}
		if (status == 403) {
			return "Access was denied" + detail + ": this account or workspace may not use the model "
					+ "(not activated, free quota used up, or not allowed in the workspace).";
		}
		if ("FirstTokenTimeout".equals(code)) {
			return "The service did not start answering in time" + detail + ". Try again, or raise "
					+ "spring.ai.glm.first-token-timeout.";
		}
		if ("IdleTimeout".equals(code)) {
			return "The answer stopped arriving" + detail + "; the part shown is incomplete. Try again.";
		}
		if (status == 0) {
			return "Cannot reach the GLM service" + detail + ". Check the network connection, the proxy settings "
					+ "and spring.ai.glm.base-url.";
		}
		if (status == 200) {
			return "The network connection broke while the answer was streaming" + detail
					+ "; the part shown is incomplete. Check the network and try again.";
		}
		if (status >= 500) {
			return platform + " had a temporary problem" + detail + ". Try again in a moment.";
		}
		String message = error.getServiceMessage();
		return "The service rejected the request" + detail
				+ ((message != null && !message.isBlank()) ? ": " + firstLine(message.strip()) : "");
	}

	private static String detail(GlmServiceException error, String code) {
		StringBuilder detail = new StringBuilder(" (");
		detail.append((error.getStatusCode() > 0) ? "HTTP " + error.getStatusCode() : "no response");
		if (!code.isEmpty()) {
			detail.append(", ").append(code);
		}
		if (error.getRequestId() != null) {
			detail.append(", request id ").append(error.getRequestId());
		}
		return detail.append(')').toString();
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

	private static <T> @Nullable T find(Throwable failure, Class<T> type) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
