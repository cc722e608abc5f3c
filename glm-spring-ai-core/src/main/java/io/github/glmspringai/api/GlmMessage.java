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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A protocol-neutral chat message as sent to the service.
 *
 * @param role the role
 * @param content the text, {@code null} for an assistant message that only calls tools
 * @param toolCalls the tool calls of an assistant message (empty otherwise)
 * @param toolCallId the id of the call a tool message answers
 * @param reasoningContent the reasoning of an assistant message, sent back as
 * {@code reasoning_content} (interleaved or preserved thinking), {@code null} to send
 * none
 * @author glm-spring-ai
 */
public record GlmMessage(Role role, @Nullable String content, List<ToolCall> toolCalls, @Nullable String toolCallId,
		@Nullable String reasoningContent) {

	public GlmMessage {
		toolCalls = List.copyOf(toolCalls);
	}

	/**
	 * A message without reasoning.
	 * @param role the role
	 * @param content the text
	 * @param toolCalls the tool calls
	 * @param toolCallId the answered call
	 */
	public GlmMessage(Role role, @Nullable String content, List<ToolCall> toolCalls, @Nullable String toolCallId) {
		this(role, content, toolCalls, toolCallId, null);
	}

	/**
	 * A plain message.
	 * @param role the role
	 * @param content the text
	 * @return the message
	 */
	public static GlmMessage of(Role role, @Nullable String content) {
		return new GlmMessage(role, content, List.of(), null);
	}

	/** Message roles. */
	public enum Role {

		/** System instructions. */
		SYSTEM("system"),
		/** User input. */
		USER("user"),
		/** Model output. */
		ASSISTANT("assistant"),
		/** A tool result. */
		TOOL("tool");

		private final String value;

		Role(String value) {
			this.value = value;
		}

		/**
		 * The wire value.
		 * @return the value
		 */
		public String value() {
			return this.value;
		}

	}

	/**
	 * A complete tool call requested by the model.
	 *
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as a JSON string
	 */
	public record ToolCall(String id, String name, String arguments) {
	}

}
