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

import io.github.glmspringai.api.AbstractGlmApi;
import io.github.glmspringai.api.GlmError;
import io.github.glmspringai.api.GlmErrors;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.api.WireEvents;
import io.github.glmspringai.api.sse.SseEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;

/**
 * Zhipu's own platforms, BigModel ({@code https://open.bigmodel.cn}) and Z.ai
 * ({@code https://api.z.ai}): {@code POST {base-url}/api/paas/v4/chat/completions} with
 * {@code "stream": true}; {@code data: {...}} chunks whose {@code id} is the request id,
 * {@code finish_reason} absent until the last chunk, which also carries the usage, then
 * {@code data: [DONE]} (zhipu-api.md §4). Finish reasons: {@code sensitive} is reported
 * as a content-filter finish (the partial answer stays); {@code network_error} fails the
 * turn with a transient {@code network_error} error carrying the partial answer, never a
 * silent success; an empty finish reason on the last chunk is reported as
 * {@code UNKNOWN}; other values pass through. Errors are read by {@link ZhipuErrors}.
 *
 * @author glm-spring-ai
 */
public final class ZhipuGlmApi extends AbstractGlmApi {

	/**
	 * Create the client; prefer {@code GlmApi.builder()}.
	 * @param settings validated connection settings
	 * @throws IllegalArgumentException when the settings name a workspace (a Bailian
	 * setting; the zhipu protocol has none)
	 */
	public ZhipuGlmApi(Settings settings) {
		super(requireNoWorkspace(settings));
	}

	private static Settings requireNoWorkspace(Settings settings) {
		if (settings.workspace() != null) {
			throw new IllegalArgumentException("workspace is a Bailian setting (X-DashScope-WorkSpace) that the "
					+ "zhipu protocol does not have; unset spring.ai.glm.workspace");
		}
		return settings;
	}

	@Override
	protected byte[] writeBody(GlmRequest request) {
		return ZhipuRequests.body(request);
	}

	@Override
	protected @Nullable GlmStreamEvent readDocument(JsonParser parser, SseEvent sse) {
		WireEvents.Chunk chunk = WireEvents.readChunk(parser);
		// the chunk id is the request id; an explicit request_id wins
		String requestId = (chunk.requestId() != null) ? chunk.requestId() : chunk.id();
		if (chunk.error() != null) {
			throw streamError(0, chunk.errorReport(requestId));
		}
		String finishReason = chunk.finishReason();
		if ("network_error".equals(finishReason)) {
			throw new GlmTransientException(GlmError.of(200, "network_error",
					"the service reported a network error during inference (finish reason network_error); "
							+ "the answer is incomplete",
					requestId), null);
		}
		if (finishReason != null && finishReason.isEmpty() && chunk.usage() != null) {
			// an empty finish reason on the last chunk (the one with usage) ends the turn
			finishReason = "unknown";
		}
		return WireEvents.event(requestId, chunk.model(), chunk.delta(), finishReason, chunk.usage());
	}

	@Override
	protected String modelNotFoundAdvice(String model) {
		return "the model '" + model + "' is not served here (BigModel and Z.ai have different catalogs, and a GLM "
				+ "Coding Plan only its plan's models): set spring.ai.glm.chat.model (GlmChatOptions.model) to a "
				+ "model this endpoint serves, e.g. glm-5 or glm-4.7-flash";
	}

	@Override
	protected GlmErrors.ErrorReader errorReader() {
		return ZhipuErrors.INSTANCE;
	}

}
