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

package io.github.glmspringai.api.zhipu;

import java.util.Set;

import io.github.glmspringai.api.GlmError;
import io.github.glmspringai.api.GlmErrors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Zhipu's error bodies, {@code {"error":{"code":"1214","message":...}}} (the code a JSON
 * string or number), classified by business code rather than HTTP status (zhipu-api.md
 * §6.3): 1302, 1303, 1305, 1312 (throttling, overload), 1234 (network error) and 500
 * (internal error) are transient, as is any code sent with a 5xx status; every other
 * business code is not, whatever else its status (1113, arrears, comes with HTTP 429 and
 * is never worth a retry). An error without a business code is classified by its HTTP
 * status.
 *
 * @author glm-spring-ai
 */
final class ZhipuErrors implements GlmErrors.ErrorReader {

	static final ZhipuErrors INSTANCE = new ZhipuErrors();

	/** Business codes worth a retry. */
	private static final Set<String> TRANSIENT_CODES = Set.of("500", "1234", "1302", "1303", "1305", "1312");

	private ZhipuErrors() {
	}

	/**
	 * An {@code error} object, or a bare {@code code} without {@code choices} (the
	 * {@code {"code":1000,"msg":...,"success":false}} shape of other Zhipu endpoints).
	 */
	@Override
	public boolean isError(JsonNode node) {
		return node.path("error").isObject() || (node.hasNonNull("code") && !node.has("choices"));
	}

	@Override
	public GlmError read(int status, JsonNode node) {
		JsonNode source = node.path("error").isObject() ? node.path("error") : node;
		String code = GlmErrors.text(source, "code");
		if (code == null) {
			// an OpenAI-style gateway in front of the service: {"error":{"type",...}}
			code = GlmErrors.text(source, "type");
		}
		String message = GlmErrors.text(source, "message");
		if (message == null) {
			message = GlmErrors.text(source, "msg");
		}
		String requestId = GlmErrors.text(node, "request_id");
		// an error inside a stream or a 200 body takes the status its code implies
		int effective = (status <= 0 || (status >= 200 && status < 300)) ? statusForCode(code) : status;
		boolean transientFailure = (code != null && isBusinessCode(code))
				? TRANSIENT_CODES.contains(code) || effective >= 500 : GlmError.isTransientStatus(effective);
		return GlmError.of(effective, code, message, requestId).withTransient(transientFailure);
	}

	/**
	 * 1211: the model does not exist (on this platform: BigModel and Z.ai serve different
	 * catalogs); 1311: the account's plan does not include the model.
	 */
	@Override
	public boolean isModelNotFound(GlmError error) {
		return "1211".equals(error.code()) || "1311".equals(error.code());
	}

	/** A Zhipu business code: digits (500, or 1000 to 1399). */
	private static boolean isBusinessCode(String code) {
		return code.matches("\\d{3,4}");
	}

	/**
	 * The HTTP status that goes with a business code (zhipu-api.md §6.2), for errors
	 * reported inside a stream or a 200 body.
	 */
	static int statusForCode(@Nullable String code) {
		if (code == null || !isBusinessCode(code)) {
			return 500;
		}
		int c = Integer.parseInt(code);
		if (c >= 1000 && c < 1100) {
			return 401;
		}
		if ((c >= 1100 && c < 1200) || (c >= 1302 && c < 1400)) {
			return 429;
		}
		if (c == 1220) {
			return 403;
		}
		if (c >= 1200 && c < 1302 && c != 1234) {
			return 400;
		}
		return 500;
	}

}
