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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.github.glmspringai.test.ServiceError.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One wire protocol of the fake service: how it reads a request, which requests it
 * rejects, and how it frames a {@link Turn} and its errors. Only the subclasses know
 * their protocol's JSON.
 *
 * @author glm-spring-ai
 */
abstract class Dialect {

	/** The reasoning efforts glm-5.3 accepts. */
	static final Set<String> GLM_5_3_EFFORTS = Set.of("low", "high", "max");

	/**
	 * The protocol.
	 * @return the wire
	 */
	abstract Wire wire();

	/**
	 * A new request id in the service's format (Bailian: a UUID).
	 * @return the id
	 */
	String newRequestId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Whether the request asks for a stream.
	 * @param request the request
	 * @param body its JSON body
	 * @return whether it streams
	 */
	abstract boolean streaming(RecordedGlmRequest request, JsonNode body);

	/**
	 * Read the request.
	 * @param body the JSON body
	 * @return the conversation
	 */
	abstract Conversation read(JsonNode body);

	/**
	 * The checks the real service makes on a readable, streaming request.
	 * @param body the JSON body
	 * @param conversation the request
	 * @param path the path it hit
	 * @return the rejection, or {@code null} to answer
	 */
	abstract @Nullable Reply validate(JsonNode body, Conversation conversation, String path);

	/**
	 * The rejection of a request that does not stream.
	 * @return the reply
	 */
	abstract Reply notStreaming();

	/**
	 * The rejection of a body that is not a JSON object.
	 * @return the reply
	 */
	abstract Reply malformedBody();

	/**
	 * The rejection of a missing or wrong key.
	 * @param missing whether the {@code Authorization} header was absent
	 * @return the reply
	 */
	Reply unauthorized(boolean missing) {
		return ServiceError.INVALID_API_KEY.reply(wire());
	}

	/**
	 * The body of an HTTP error response.
	 * @param reply the error
	 * @param requestId the request id
	 * @return the JSON body
	 */
	abstract String errorBody(Reply reply, String requestId);

	/**
	 * A writer of one stream's events.
	 * @param conversation the request
	 * @param requestId the request id
	 * @param sent the chunks the stream carries
	 * @param usage the usage it reports
	 * @return the writer
	 */
	abstract Writer writer(Conversation conversation, String requestId, List<Chunk> sent, Usage usage);

	/**
	 * The SSE events of a turn, cut where the turn's fault says.
	 * @param conversation the request
	 * @param turn the turn
	 * @param requestId the request id
	 * @return the events
	 */
	final List<String> render(Conversation conversation, Turn turn, String requestId) {
		List<Chunk> sent = conversation.thinking() ? turn.chunks()
				: turn.chunks().stream().filter((chunk) -> chunk.kind() != Chunk.Kind.REASONING).toList();
		Writer writer = writer(conversation, requestId, sent, turn.usage(sent, conversation.promptTokens()));
		List<String> events = new ArrayList<>();
		if (turn.ending() == Turn.Ending.COMPLETE || turn.endAfter() > 0) {
			// the opening event comes with the first chunk: a fault after 0 chunks sends
			// nothing before it
			events.addAll(writer.opening());
		}
		int toolIndex = 0;
		for (int i = 0; i < Math.min(turn.endAfter(), sent.size()); i++) {
			Chunk chunk = sent.get(i);
			events.addAll(writer.chunk(chunk, (chunk.kind() == Chunk.Kind.TOOL_CALL) ? toolIndex++ : 0));
		}
		if (turn.ending() == Turn.Ending.COMPLETE) {
			String finishReason = turn.finishReason();
			if (finishReason == null) {
				finishReason = turn.hasToolCalls() ? "tool_calls" : "stop";
			}
			events.addAll(writer.closing(finishReason));
		}
		ServiceError error = turn.error();
		if (turn.ending() == Turn.Ending.STREAM_ERROR && error != null) {
			events.add(writer.error(error.reply(wire())));
		}
		return events;
	}

	/**
	 * Whether the model is one of the glm-5.3 family (always thinks; efforts low, high,
	 * max), also as a direct-supply id such as {@code ZHIPU/GLM-5.3}.
	 * @param model the model id
	 * @return whether it is glm-5.3
	 */
	static boolean isGlm53(String model) {
		String id = model.toLowerCase(Locale.ROOT);
		id = id.startsWith("zhipu/") ? id.substring(6) : id;
		return id.startsWith("glm-5.3");
	}

	/**
	 * Tool-call arguments in two fragments (up to and after the first colon), as the
	 * services stream them.
	 * @param arguments the arguments
	 * @return the fragments
	 */
	static List<String> splitArguments(String arguments) {
		int cut = arguments.indexOf(':') + 1;
		return (cut > 0 && cut < arguments.length()) ? List.of(arguments.substring(0, cut), arguments.substring(cut))
				: List.of(arguments);
	}

	/**
	 * The end marker of the OpenAI-style streams ({@code compatible} and {@code zhipu}).
	 */
	static final String DONE = "data: [DONE]\n\n";

	/**
	 * One {@code data:} event of the OpenAI-style streams.
	 * @param data the JSON document
	 * @return the event
	 */
	static String dataEvent(Object data) {
		return "data: " + Json.write(data) + "\n\n";
	}

	/**
	 * Writes the events of one stream, in order.
	 */
	interface Writer {

		/**
		 * Events before the first chunk.
		 * @return the events
		 */
		List<String> opening();

		/**
		 * The events of one chunk.
		 * @param chunk the chunk
		 * @param toolIndex the index of a tool call among the turn's calls
		 * @return the events
		 */
		List<String> chunk(Chunk chunk, int toolIndex);

		/**
		 * The finish reason, the usage and the end marker.
		 * @param finishReason the finish reason
		 * @return the events
		 */
		List<String> closing(String finishReason);

		/**
		 * The error event.
		 * @param reply the error
		 * @return the event
		 */
		String error(Reply reply);

	}

}
