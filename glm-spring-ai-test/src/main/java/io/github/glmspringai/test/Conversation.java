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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a request asks for, independent of the protocol.
 *
 * @param model the model id
 * @param enableThinking the thinking switch as sent, {@code null} when not sent (the
 * services think by default)
 * @param includeUsage whether the compatible stream ends with a usage chunk
 * @param toolStream whether tool-call arguments are streamed in fragments
 * @param reasoningEffort {@code reasoning_effort} as sent
 * @param responseFormat {@code response_format.type} as sent
 * @param messages the messages
 * @param tools the function tools offered
 * @param lastToolArguments the arguments of the last assistant tool call, if any
 * @author glm-spring-ai
 */
record Conversation(String model, @Nullable Boolean enableThinking, boolean includeUsage, boolean toolStream,
		@Nullable String reasoningEffort, @Nullable String responseFormat, List<Message> messages, List<Tool> tools,
		@Nullable String lastToolArguments) {

	/**
	 * Read what every protocol shares.
	 * @param model the model id
	 * @param enableThinking the thinking switch, if sent
	 * @param includeUsage whether a usage chunk is asked for
	 * @param parameters the object holding {@code tools}, {@code tool_stream},
	 * {@code reasoning_effort} and {@code response_format}
	 * @param messageNodes the {@code messages} array
	 * @return the conversation
	 */
	static Conversation read(String model, @Nullable Boolean enableThinking, boolean includeUsage, JsonNode parameters,
			JsonNode messageNodes) {
		List<Message> messages = new ArrayList<>();
		String lastToolArguments = null;
		for (JsonNode message : messageNodes) {
			messages.add(new Message(message.path("role").asString(""), message.path("content").asString("")));
			JsonNode calls = message.path("tool_calls");
			if (calls.isArray() && !calls.isEmpty()) {
				lastToolArguments = calls.get(0).path("function").path("arguments").asString("");
			}
		}
		List<Tool> tools = new ArrayList<>();
		for (JsonNode tool : parameters.path("tools")) {
			JsonNode function = tool.path("function");
			String parameter = "city";
			for (String name : function.path("parameters").path("properties").propertyNames()) {
				parameter = name;
				break;
			}
			tools.add(new Tool(function.path("name").asString(""), parameter));
		}
		return new Conversation(model, enableThinking, includeUsage, parameters.path("tool_stream").asBoolean(false),
				text(parameters.path("reasoning_effort")), text(parameters.path("response_format").path("type")),
				List.copyOf(messages), List.copyOf(tools), lastToolArguments);
	}

	static @Nullable Boolean bool(JsonNode node) {
		return node.isBoolean() ? node.booleanValue() : null;
	}

	static @Nullable String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

	/**
	 * Whether the model thinks: on unless the request switched it off.
	 * @return whether reasoning is sent
	 */
	boolean thinking() {
		return !Boolean.FALSE.equals(this.enableThinking);
	}

	boolean isJsonMode() {
		return "json_object".equals(this.responseFormat) || "json_schema".equals(this.responseFormat);
	}

	String lastRole() {
		return this.messages.isEmpty() ? "" : this.messages.get(this.messages.size() - 1).role();
	}

	String lastContent() {
		return this.messages.isEmpty() ? "" : this.messages.get(this.messages.size() - 1).content();
	}

	long userTurns() {
		return this.messages.stream().filter((m) -> "user".equals(m.role())).count();
	}

	/**
	 * A prompt size estimate: two tokens for three characters, four per message.
	 * @return the estimate, at least 1
	 */
	int promptTokens() {
		int chars = 0;
		for (Message message : this.messages) {
			chars += message.content().length() + 4;
		}
		return Math.max(1, chars * 2 / 3);
	}

	/**
	 * A message.
	 *
	 * @param role the role
	 * @param content the text content
	 */
	record Message(String role, String content) {

	}

	/**
	 * A function tool.
	 *
	 * @param name the function name
	 * @param firstParameter the first parameter (default {@code city})
	 */
	record Tool(String name, String firstParameter) {

	}

}
