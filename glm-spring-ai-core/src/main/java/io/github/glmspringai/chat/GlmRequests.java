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
import java.util.Map;
import java.util.Set;

import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Turns Spring AI messages and {@link GlmChatOptions} into a protocol-neutral
 * {@link GlmRequest}, rejecting bad input before anything is sent with an
 * {@link IllegalArgumentException} that names the field and its allowed range.
 *
 * @author glm-spring-ai
 */
final class GlmRequests {

	private GlmRequests() {
	}

	/**
	 * Validate and build the request.
	 * @param messages the conversation
	 * @param options the effective options
	 * @param tools the tool definitions resolved from the options
	 * @return the request
	 */
	static GlmRequest create(List<Message> messages, GlmChatOptions options, List<ToolDefinition> tools) {
		String model = options.getModel();
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank; use e.g. glm-4.6, glm-4.5 or glm-4.5-air");
		}
		GlmModel catalog = GlmModel.find(model);
		validateOptions(options, model, catalog);
		List<GlmMessage> wireMessages = messages(messages);
		GlmOptionRules.validateTools(tools);
		List<GlmRequest.Tool> wireTools = new ArrayList<>(tools.size());
		for (ToolDefinition tool : tools) {
			wireTools.add(new GlmRequest.Tool(tool.name(), tool.description(), tool.inputSchema()));
		}
		String toolChoice = options.getToolChoice();
		if (toolChoice != null && !"auto".equals(toolChoice) && !"none".equals(toolChoice)
				&& wireTools.stream().noneMatch((t) -> t.name().equals(toolChoice))) {
			throw new IllegalArgumentException("toolChoice must be 'auto', 'none' or the name of one of the tools "
					+ wireTools.stream().map(GlmRequest.Tool::name).toList() + " but was '" + toolChoice + "'");
		}
		GlmRequest.ResponseFormat responseFormat = responseFormat(options);
		Boolean enableThinking = enableThinking(options, responseFormat, toolChoice);
		return new GlmRequest(model, wireMessages, enableThinking, options.getThinkingBudget(),
				options.getTemperature(), options.getTopP(), options.getTopK(), options.getRepetitionPenalty(),
				options.getPresencePenalty(), options.getMaxTokens(), options.getStopSequences(), options.getSeed(),
				responseFormat, wireTools, toolChoice, options.getParallelToolCalls(),
				(options.getExtraBody() != null) ? options.getExtraBody() : Map.of(),
				(options.getHttpHeaders() != null) ? options.getHttpHeaders() : Map.of());
	}

	/**
	 * Validate option ranges (not the prompt), e.g. a model's default options at startup.
	 * @param options the options
	 */
	static void validateOptions(GlmChatOptions options) {
		String model = (options.getModel() != null) ? options.getModel() : GlmModel.DEFAULT.getId();
		validateOptions(options, model, GlmModel.find(model));
	}

	private static void validateOptions(GlmChatOptions o, String model, @Nullable GlmModel catalog) {
		GlmOptionRules.validate(o, model, catalog);
	}

	private static GlmRequest.@Nullable ResponseFormat responseFormat(GlmChatOptions o) {
		GlmResponseFormat format = o.getResponseFormat();
		String schema = o.getOutputSchema();
		if (schema != null && !schema.isBlank() && (format == null || format == GlmResponseFormat.JSON_SCHEMA)) {
			return new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.JSON_SCHEMA, schema);
		}
		if (format == GlmResponseFormat.JSON_SCHEMA) {
			throw new IllegalArgumentException("responseFormat JSON_SCHEMA needs outputSchema (a JSON schema)");
		}
		return (format != null)
				? new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.valueOf(format.name()), null) : null;
	}

	/**
	 * Bailian rejects JSON mode and forced tool calls while thinking is on. Thinking is
	 * on by default, so it is switched off for such requests unless the user explicitly
	 * enabled it, which is an error.
	 */
	private static @Nullable Boolean enableThinking(GlmChatOptions o, GlmRequest.@Nullable ResponseFormat format,
			@Nullable String toolChoice) {
		GlmRequest.ResponseFormat.@Nullable Type jsonType = (format != null
				&& format.type() != GlmRequest.ResponseFormat.Type.TEXT) ? format.type() : null;
		boolean jsonMode = jsonType != null;
		boolean forcedTool = toolChoice != null && !"auto".equals(toolChoice) && !"none".equals(toolChoice);
		if (!jsonMode && !forcedTool) {
			return o.getEnableThinking();
		}
		String what = (jsonType != null) ? "JSON mode (responseFormat " + jsonType + ")"
				: "forcing a tool (toolChoice '" + toolChoice + "')";
		if (Boolean.TRUE.equals(o.getEnableThinking())) {
			throw new IllegalArgumentException(what + " cannot be combined with enableThinking=true: Bailian rejects "
					+ "it while the model thinks. Leave enableThinking unset (it is then sent as false) or set it "
					+ "to false"
					+ (jsonMode
							? "; or drop the native structured output and let Spring AI ask for "
									+ "JSON in the prompt (ChatClient entity() without useProviderStructuredOutput())"
							: ""));
		}
		return Boolean.FALSE;
	}

	private static List<GlmMessage> messages(List<Message> messages) {
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("the prompt must contain at least one message");
		}
		List<GlmMessage> wire = new ArrayList<>(messages.size());
		Set<String> callIds = new HashSet<>();
		for (Message message : messages) {
			switch (message.getMessageType()) {
				case SYSTEM -> wire.add(GlmMessage.of(GlmMessage.Role.SYSTEM, requireText(message, "system")));
				case USER -> {
					if (message instanceof UserMessage user && !user.getMedia().isEmpty()) {
						throw new IllegalArgumentException(
								"user messages with media are not supported: GLM models on Bailian accept text only");
					}
					wire.add(GlmMessage.of(GlmMessage.Role.USER, requireText(message, "user")));
				}
				case ASSISTANT -> {
					AssistantMessage assistant = (AssistantMessage) message;
					List<GlmMessage.ToolCall> calls = new ArrayList<>(assistant.getToolCalls().size());
					for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
						if (call.id() == null || call.id().isEmpty() || call.name() == null || call.name().isEmpty()) {
							throw new IllegalArgumentException("a tool call of an assistant message must have an id "
									+ "and a name but had id '" + call.id() + "' and name '" + call.name() + "'");
						}
						String arguments = call.arguments();
						calls.add(new GlmMessage.ToolCall(call.id(), call.name(),
								(arguments == null || arguments.isBlank()) ? "{}" : arguments));
						callIds.add(call.id());
					}
					wire.add(new GlmMessage(GlmMessage.Role.ASSISTANT, assistant.getText(), calls, null));
				}
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
		return wire;
	}

	private static String requireText(Message message, String role) {
		String text = message.getText();
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(role + " message text must not be empty");
		}
		return text;
	}

}
