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
package io.github.glmspringai.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.glmspringai.api.GlmMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Turns Spring AI messages into wire messages, and sends reasoning back where GLM needs
 * it: the {@code reasoningContent} of an assistant message goes back, unmodified, as
 * {@code reasoning_content} for the assistant messages of the current tool-calling round
 * (after the last user message: interleaved thinking, so the model does not re-derive its
 * plan after every tool result), and for every earlier turn when {@code clearThinking} is
 * {@code false} (preserved thinking). Otherwise it is not sent (it costs input tokens).
 *
 * @author glm-spring-ai
 */
final class GlmMessages {

	private GlmMessages() {
	}

	/**
	 * Convert a conversation.
	 * @param messages the Spring AI messages
	 * @param preserveThinking whether earlier turns' reasoning goes back too
	 * ({@code clearThinking=false})
	 * @param schemaInstruction an instruction to add to the system message (a JSON schema
	 * the protocol cannot enforce), or {@code null}
	 * @return the wire messages
	 */
	static List<GlmMessage> convert(List<Message> messages, boolean preserveThinking,
			@Nullable String schemaInstruction) {
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("the prompt must contain at least one message");
		}
		int lastUser = -1;
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i).getMessageType() == MessageType.USER) {
				lastUser = i;
			}
		}
		List<GlmMessage> wire = new ArrayList<>(messages.size() + 1);
		Set<String> callIds = new HashSet<>();
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			switch (message.getMessageType()) {
				case SYSTEM -> wire.add(GlmMessage.of(GlmMessage.Role.SYSTEM, requireText(message, "system")));
				case USER -> {
					if (message instanceof UserMessage user && !user.getMedia().isEmpty()) {
						throw new IllegalArgumentException(
								"user messages with media are not supported: the GLM text models accept text only");
					}
					wire.add(GlmMessage.of(GlmMessage.Role.USER, requireText(message, "user")));
				}
				case ASSISTANT ->
					wire.add(assistant((AssistantMessage) message, callIds, i > lastUser || preserveThinking));
				case TOOL -> {
					for (ToolResponseMessage.ToolResponse response : ((ToolResponseMessage) message).getResponses()) {
						if (!callIds.contains(response.id())) {
							throw new IllegalArgumentException(
									"tool response '" + response.id() + "' (" + response.name()
											+ ") does not answer a tool call of a preceding assistant message");
						}
						wire.add(new GlmMessage(GlmMessage.Role.TOOL, response.responseData(), List.of(),
								response.id()));
					}
				}
			}
		}
		return (schemaInstruction != null) ? withInstruction(wire, schemaInstruction) : wire;
	}

	private static GlmMessage assistant(AssistantMessage assistant, Set<String> callIds, boolean withReasoning) {
		List<GlmMessage.ToolCall> calls = new ArrayList<>(assistant.getToolCalls().size());
		for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
			if (call.id() == null || call.id().isEmpty() || call.name() == null || call.name().isEmpty()) {
				throw new IllegalArgumentException("a tool call of an assistant message must have an id and a name "
						+ "but had id '" + call.id() + "' and name '" + call.name() + "'");
			}
			String arguments = call.arguments();
			calls.add(new GlmMessage.ToolCall(call.id(), call.name(),
					(arguments == null || arguments.isBlank()) ? "{}" : arguments));
			callIds.add(call.id());
		}
		String reasoning = withReasoning ? GlmReasoning.content(assistant) : "";
		return new GlmMessage(GlmMessage.Role.ASSISTANT, assistant.getText(), calls, null,
				reasoning.isEmpty() ? null : reasoning);
	}

	/** The instruction at the end of the first system message, or in a new one. */
	private static List<GlmMessage> withInstruction(List<GlmMessage> wire, String instruction) {
		List<GlmMessage> result = new ArrayList<>(wire.size() + 1);
		boolean added = false;
		for (GlmMessage message : wire) {
			if (!added && message.role() == GlmMessage.Role.SYSTEM) {
				result.add(GlmMessage.of(GlmMessage.Role.SYSTEM, message.content() + "\n\n" + instruction));
				added = true;
			}
			else {
				result.add(message);
			}
		}
		if (!added) {
			result.add(0, GlmMessage.of(GlmMessage.Role.SYSTEM, instruction));
		}
		return result;
	}

	private static String requireText(Message message, String role) {
		String text = message.getText();
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(role + " message text must not be empty");
		}
		return text;
	}

}
