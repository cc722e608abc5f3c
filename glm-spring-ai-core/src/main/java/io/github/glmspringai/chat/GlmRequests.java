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
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
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
	static GlmRequest create(List<Message> messages, GlmChatOptions options, List<ToolDefinition> tools,
			GlmProtocol protocol) {
		String model = options.getModel();
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank; use e.g. glm-5, glm-5.3 or glm-4.7-flash");
		}
		GlmModel catalog = GlmModel.find(model);
		GlmOptionRules.validate(options, model, catalog, protocol);
		List<GlmMessage> wireMessages = GlmMessages.convert(messages, Boolean.FALSE.equals(options.getClearThinking()),
				schemaInstruction(options, protocol));
		GlmOptionRules.validateTools(tools);
		List<GlmRequest.Tool> wireTools = new ArrayList<>(tools.size());
		for (ToolDefinition tool : tools) {
			wireTools.add(new GlmRequest.Tool(tool.name(), tool.description(), tool.inputSchema()));
		}
		String toolChoice = options.getToolChoice();
		if (toolChoice != null && !GlmRequest.isToolChoiceMode(toolChoice)
				&& wireTools.stream().noneMatch((t) -> t.name().equals(toolChoice))) {
			throw new IllegalArgumentException(
					"toolChoice must be 'auto', 'none', 'required' or the name of one of " + "the tools "
							+ wireTools.stream().map(GlmRequest.Tool::name).toList() + " but was '" + toolChoice + "'");
		}
		GlmRequest.ResponseFormat responseFormat = responseFormat(options, protocol);
		Boolean enableThinking = enableThinking(options, responseFormat, toolChoice, model, catalog, protocol);
		return GlmRequest.builder(model, wireMessages)
			.enableThinking(enableThinking)
			.thinkingBudget(options.getThinkingBudget())
			.reasoningEffort(options.getReasoningEffort())
			.clearThinking(options.getClearThinking())
			.toolStream(options.getToolStream())
			.sampling(options.getTemperature(), options.getTopP(), options.getTopK())
			.penalties(options.getRepetitionPenalty(), options.getPresencePenalty())
			.maxTokens(options.getMaxTokens())
			.stop(options.getStopSequences())
			.seed(options.getSeed())
			.responseFormat(responseFormat)
			.tools(wireTools, toolChoice, options.getParallelToolCalls())
			.extras((options.getExtraBody() != null) ? options.getExtraBody() : Map.of(),
					(options.getHttpHeaders() != null) ? options.getHttpHeaders() : Map.of())
			.build();
	}

	/**
	 * Validate option ranges (not the prompt), e.g. a model's default options at startup.
	 * @param options the options
	 * @param protocol the protocol
	 */
	static void validateOptions(GlmChatOptions options, GlmProtocol protocol) {
		String model = (options.getModel() != null) ? options.getModel() : GlmModel.DEFAULT.getId();
		GlmOptionRules.validate(options, model, GlmModel.find(model), protocol);
	}

	private static GlmRequest.@Nullable ResponseFormat responseFormat(GlmChatOptions o, GlmProtocol protocol) {
		GlmResponseFormat format = o.getResponseFormat();
		String schema = o.getOutputSchema();
		if (schema != null && !schema.isBlank() && (format == null || format == GlmResponseFormat.JSON_SCHEMA)) {
			// without a JSON schema mode (zhipu) the schema goes into the prompt instead
			return GlmProtocolRules.hasJsonSchemaMode(protocol)
					? new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.JSON_SCHEMA, schema)
					: new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.JSON_OBJECT, null);
		}
		if (format == GlmResponseFormat.JSON_SCHEMA) {
			throw new IllegalArgumentException("responseFormat JSON_SCHEMA needs outputSchema (a JSON schema)");
		}
		return (format != null)
				? new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.valueOf(format.name()), null) : null;
	}

	private static @Nullable String schemaInstruction(GlmChatOptions o, GlmProtocol protocol) {
		String schema = o.getOutputSchema();
		if (schema == null || schema.isBlank() || GlmProtocolRules.hasJsonSchemaMode(protocol)
				|| (o.getResponseFormat() != null && o.getResponseFormat() != GlmResponseFormat.JSON_SCHEMA)) {
			return null;
		}
		return "Respond with one JSON object, and nothing else, that conforms to this JSON Schema:\n" + schema;
	}

	/**
	 * Bailian rejects JSON mode (except for the GLM-4.5 series) and forced tool calls
	 * while the model thinks. Thinking is on by default, so it is switched off for such
	 * requests unless the user explicitly enabled it, which is an error; a model that
	 * always thinks cannot take them at all.
	 */
	private static @Nullable Boolean enableThinking(GlmChatOptions o, GlmRequest.@Nullable ResponseFormat format,
			@Nullable String toolChoice, String model, @Nullable GlmModel catalog, GlmProtocol protocol) {
		GlmRequest.ResponseFormat.@Nullable Type jsonType = (format != null
				&& format.type() != GlmRequest.ResponseFormat.Type.TEXT) ? format.type() : null;
		boolean jsonMode = jsonType != null && GlmProtocolRules.jsonModeExcludesThinking(protocol)
				&& (catalog == null || !catalog.isJsonModeWhileThinking());
		boolean forcedTool = toolChoice != null && !GlmRequest.isToolChoiceMode(toolChoice);
		if (!jsonMode && !forcedTool) {
			return o.getEnableThinking();
		}
		String what = jsonMode ? "JSON mode (responseFormat " + jsonType + ")"
				: "forcing a tool (toolChoice '" + toolChoice + "')";
		String instead = jsonMode
				? "let Spring AI ask for JSON in the prompt instead: ChatClient entity() without "
						+ "useProviderStructuredOutput(), and no responseFormat"
				: "use toolChoice 'required' or 'auto'";
		if (catalog != null && catalog.isAlwaysThinking()) {
			throw new IllegalArgumentException(
					model + " always thinks, and the service rejects " + what + " while a model thinks; " + instead);
		}
		if (Boolean.TRUE.equals(o.getEnableThinking())) {
			throw new IllegalArgumentException(what + " cannot be combined with enableThinking=true: Bailian rejects "
					+ "it while the model thinks. Leave enableThinking unset (it is then sent as false) or set it "
					+ "to false; or " + instead);
		}
		return Boolean.FALSE;
	}

	/**
	 * The options of a request: the prompt's {@link GlmChatOptions} as they are
	 * (ChatClient has already merged this model's defaults into them), this model's
	 * defaults when the prompt has none, and other {@link ChatOptions} converted by
	 * combining them over the defaults.
	 * @param runtime the prompt's options
	 * @param defaults the model's default options
	 * @return the options of the request
	 */
	static GlmChatOptions resolveOptions(@Nullable ChatOptions runtime, GlmChatOptions defaults) {
		if (runtime == null) {
			return defaults;
		}
		if (runtime instanceof GlmChatOptions glm) {
			return (glm.getModel() != null) ? glm : glm.mutate().model(defaults.getModel()).build();
		}
		GlmChatOptions.Builder builder = defaults.mutate().combineWith(runtime.mutate());
		if (runtime instanceof StructuredOutputChatOptions structured && structured.getOutputSchema() != null) {
			builder.outputSchema(structured.getOutputSchema());
		}
		return builder.build();
	}

}
