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

package io.github.glmspringai.test;

import io.github.glmspringai.test.ServiceError.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The checks and rejections both Bailian protocols share (reference
 * {@code bailian-api.md} §5, {@code bailian-2026.md} §3c), each in the protocol's codes.
 *
 * @author glm-spring-ai
 */
final class Bailian {

	private Bailian() {
	}

	static @Nullable Reply validate(Conversation conversation, Wire wire) {
		if (Dialect.isGlm53(conversation.model()) && Boolean.FALSE.equals(conversation.enableThinking())) {
			return invalid(wire, "The value of the enable_thinking parameter is restricted to True.");
		}
		String effort = conversation.reasoningEffort();
		if (effort != null && Dialect.isGlm53(conversation.model()) && !Dialect.GLM_5_3_EFFORTS.contains(effort)) {
			return invalid(wire, "'reasoning_effort' must be one of ['low', 'high', 'max'] for " + conversation.model()
					+ ", but was '" + effort + "'.");
		}
		if (conversation.isJsonMode() && conversation.thinking()) {
			return invalid(wire, "Json mode response is not supported when enable_thinking is true");
		}
		return null;
	}

	static Reply notStreaming(Wire wire) {
		return invalid(wire,
				"This model only support stream mode, please enable the stream parameter to access the model. ");
	}

	static Reply malformedBody(Wire wire) {
		return invalid(wire, "Required body invalid, please check the request body format.");
	}

	static Reply invalid(Wire wire, String message) {
		return (wire == Wire.DASHSCOPE) ? new Reply(400, "InvalidParameter", "", message)
				: new Reply(400, "invalid_parameter_error", "invalid_request_error", message);
	}

}
