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

package io.github.glmspringai.samples.support.offline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted stand-in for GLM on Bailian, used by the {@code offline} profile: it listens
 * on {@code 127.0.0.1} and answers both wire protocols with the exact SSE framing of the
 * real service (OpenAI-compatible {@code data: {...}} events ending in
 * {@code data: [DONE]}; native {@code id:/event:result/:HTTP_STATUS/200/data:} frames
 * with cumulative usage). It does not understand language; it reads the request and plays
 * one of a few scripts:
 * <ul>
 * <li>thinking (unless the request switches it off), then a Markdown answer (a list with
 * a nested ordered list, a table, a code block, a link), then usage;</li>
 * <li>a tool call when the question asks for the time (时间, 几点, "time") and the request
 * offers a tool, then an answer built from the tool result;</li>
 * <li>a long, slow answer for questions containing 长文 or "long" (to try Stop);</li>
 * <li>an answer with raw HTML, a script and a {@code javascript:} link for questions
 * containing 注入 or "inject" (to check that a page shows them as text);</li>
 * <li>errors: HTTP 429 throttling (限流, "throttl", "429"), HTTP 401 invalid key (密钥错误,
 * "bad key", "401") and a connection dropped mid-answer (断网, "network").</li>
 * </ul>
 * It counts requests, tool-call rounds and streams the client cancelled, so tests can
 * check what happened on the wire.
 *
 * @author glm-spring-ai
 */
public final class OfflineGlmServer implements AutoCloseable {

	/** The dummy key the offline profile configures, and the only key accepted here. */
	public static final String API_KEY = "offline-simulation-key";

	/** Path of the OpenAI-compatible endpoint. */
	public static final String COMPATIBLE_PATH = "/compatible-mode/v1/chat/completions";

	/** Path of the native DashScope endpoint. */
	public static final String NATIVE_PATH = "/api/v1/services/aigc/text-generation/generation";

	private static final Logger logger = LoggerFactory.getLogger(OfflineGlmServer.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> CITIES = List.of("北京", "上海", "杭州", "深圳", "香港", "东京", "首尔", "新加坡", "伦敦", "巴黎",
			"柏林", "纽约", "旧金山", "悉尼", "Beijing", "Shanghai", "Hangzhou", "Shenzhen", "Hong Kong", "Tokyo", "Seoul",
			"Singapore", "London", "Paris", "Berlin", "New York", "San Francisco", "Sydney");

	private final Duration chunkDelay;

	private final DisposableServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger toolCallRounds = new AtomicInteger();

	private final AtomicInteger completedStreams = new AtomicInteger();

	private final AtomicInteger cancelledStreams = new AtomicInteger();

	private OfflineGlmServer(Duration chunkDelay) {
		this.chunkDelay = chunkDelay;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post(COMPATIBLE_PATH, (request, response) -> handle(true, request, response))
				.post(NATIVE_PATH, (request, response) -> handle(false, request, response)))
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Start a server on a free loopback port.
	 * @param chunkDelay pause between two SSE events (the long answer uses twice this)
	 * @return the running server
	 */
	public static OfflineGlmServer start(Duration chunkDelay) {
		return new OfflineGlmServer(chunkDelay);
	}

	/**
	 * The value for {@code spring.ai.glm.base-url}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Requests received so far.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Streams that ended with a tool call.
	 * @return the count
	 */
	public int toolCallRounds() {
		return this.toolCallRounds.get();
	}

	/**
	 * Streams sent to the end.
	 * @return the count
	 */
	public int completedStreams() {
		return this.completedStreams.get();
	}

	/**
	 * Streams the client cancelled (closed the connection) before the end.
	 * @return the count
	 */
	public int cancelledStreams() {
		return this.cancelledStreams.get();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private Publisher<Void> handle(boolean compatible, HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			this.requests.incrementAndGet();
			String requestId = UUID.randomUUID().toString();
			if (!("Bearer " + API_KEY).equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
				return invalidKey(compatible, requestId, response);
			}
			JsonNode root;
			try {
				root = JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				return error(response, compatible, 400, "InvalidParameter", "invalid_parameter_error",
						"Required body invalid, please check the request body format.", requestId);
			}
			boolean streaming = compatible ? root.path("stream").asBoolean(false)
					: "enable".equalsIgnoreCase(request.requestHeaders().get("X-DashScope-SSE"));
			if (!streaming) {
				return error(response, compatible, 400, "InvalidParameter", "invalid_parameter_error",
						"This model only support stream mode, please enable the stream parameter to access the model. ",
						requestId);
			}
			Conversation conversation = Conversation.read(root, compatible);
			Script script = Script.plan(conversation);
			if (script.errorStatus == 429) {
				return error(response, compatible, 429, "Throttling.RateQuota", "limit_requests",
						"Requests rate limit exceeded, please try again later.", requestId);
			}
			if (script.errorStatus == 401) {
				return invalidKey(compatible, requestId, response);
			}
			if (script.toolCall != null) {
				this.toolCallRounds.incrementAndGet();
			}
			List<String> frames = compatible ? Frames.compatible(conversation, script, requestId)
					: Frames.dashScope(conversation, script, requestId);
			return stream(response, frames, script);
		});
	}

	private Mono<Void> stream(HttpServerResponse response, List<String> frames, Script script) {
		AtomicBoolean finished = new AtomicBoolean();
		Runnable cancelled = () -> {
			if (finished.compareAndSet(false, true)) {
				this.cancelledStreams.incrementAndGet();
				logger.info("offline simulation: the client cancelled the stream");
			}
		};
		Duration delay = script.slow ? this.chunkDelay.multipliedBy(2) : this.chunkDelay;
		Flux<String> events;
		if (script.dropMidAnswer) {
			// a network failure: half of the answer, then the connection closes
			Mono<String> drop = Mono.fromRunnable(() -> {
				finished.set(true);
				response.withConnection((connection) -> connection.channel().close());
			});
			events = Flux.fromIterable(frames)
				.take(script.dropAfterFrames)
				.delayElements(delay)
				.concatWith(drop)
				.concatWith(Flux.never());
		}
		else {
			events = Flux.fromIterable(frames).delayElements(delay).doOnComplete(() -> {
				if (finished.compareAndSet(false, true)) {
					this.completedStreams.incrementAndGet();
				}
			});
		}
		events = events.doOnCancel(cancelled);
		response.withConnection((connection) -> connection.onDispose(cancelled::run));
		return response.status(HttpResponseStatus.OK)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
			.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
			.sendString(events, StandardCharsets.UTF_8)
			.then();
	}

	private static Mono<Void> invalidKey(boolean compatible, String requestId, HttpServerResponse response) {
		return compatible
				? error(response, true, 401, "", "invalid_api_key",
						"Incorrect API key provided. (offline simulation accepts only its own dummy key)", requestId)
				: error(response, false, 401, "InvalidApiKey", "",
						"Invalid API-key provided. (offline simulation accepts only its own dummy key)", requestId);
	}

	private static Mono<Void> error(HttpServerResponse response, boolean compatible, int status, String nativeCode,
			String compatibleCode, String message, String requestId) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (compatible) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("code", compatibleCode);
			error.put("param", null);
			error.put("message", message);
			error.put("type", (status == 429) ? compatibleCode : "invalid_request_error");
			body.put("error", error);
		}
		else {
			body.put("code", nativeCode);
			body.put("message", message);
		}
		body.put("request_id", requestId);
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(JSON.writeValueAsString(body)), StandardCharsets.UTF_8)
			.then();
	}

	/**
	 * What the request asks for, independent of the protocol.
	 *
	 * @param model the model id
	 * @param thinking whether thinking is on (the service default is on)
	 * @param includeUsage whether the compatible stream should end with a usage chunk
	 * @param messages role and content of each message
	 * @param toolName the first tool offered, if any
	 * @param toolParameter the first parameter of that tool
	 * @param lastToolArguments the arguments of the last assistant tool call, if any
	 */
	record Conversation(String model, boolean thinking, boolean includeUsage, List<String[]> messages,
			@Nullable String toolName, String toolParameter, @Nullable String lastToolArguments) {

		static Conversation read(JsonNode root, boolean compatible) {
			JsonNode parameters = compatible ? root : root.path("parameters");
			JsonNode messageNodes = compatible ? root.path("messages") : root.path("input").path("messages");
			List<String[]> messages = new ArrayList<>();
			String lastToolArguments = null;
			for (JsonNode message : messageNodes) {
				String role = message.path("role").asString("");
				messages.add(new String[] { role, message.path("content").asString("") });
				JsonNode calls = message.path("tool_calls");
				if (calls.isArray() && !calls.isEmpty()) {
					lastToolArguments = calls.get(0).path("function").path("arguments").asString("");
				}
			}
			String toolName = null;
			String toolParameter = "city";
			JsonNode tools = parameters.path("tools");
			if (tools.isArray() && !tools.isEmpty()) {
				JsonNode function = tools.get(0).path("function");
				toolName = function.path("name").asString(null);
				for (String name : function.path("parameters").path("properties").propertyNames()) {
					toolParameter = name;
					break;
				}
			}
			return new Conversation(root.path("model").asString("glm-4.6"),
					parameters.path("enable_thinking").asBoolean(true),
					!compatible || root.path("stream_options").path("include_usage").asBoolean(false), messages,
					toolName, toolParameter, lastToolArguments);
		}

		String toolNameOr(String fallback) {
			return (this.toolName != null) ? this.toolName : fallback;
		}

		String lastRole() {
			return this.messages.isEmpty() ? "" : this.messages.get(this.messages.size() - 1)[0];
		}

		String lastContent() {
			return this.messages.isEmpty() ? "" : this.messages.get(this.messages.size() - 1)[1];
		}

		long userTurns() {
			return this.messages.stream().filter((m) -> "user".equals(m[0])).count();
		}

		int promptTokens() {
			int chars = 0;
			for (String[] message : this.messages) {
				chars += message[1].length() + 4;
			}
			return Math.max(1, chars * 2 / 3);
		}

	}

	/** The scripted reply to one request. */
	static final class Script {

		String reasoning = "";

		String answer = "";

		String @Nullable [] toolCall;

		boolean slow;

		/** Whether to close the connection in the middle of the answer. */
		boolean dropMidAnswer;

		/** Frames sent before the connection is closed, when {@link #dropMidAnswer}. */
		int dropAfterFrames = -1;

		int errorStatus;

		static Script plan(Conversation conversation) {
			Script script = new Script();
			if ("tool".equals(conversation.lastRole())) {
				String city = city(conversation.lastToolArguments());
				String result = unquote(conversation.lastContent());
				script.reasoning = "工具 " + conversation.toolNameOr("currentTime") + " 返回了" + city + "的当前时间:" + result
						+ "。现在把这个结果告诉用户,说明时间来自应用里的工具,而不是模型自己的知识。";
				script.answer = "根据 `" + conversation.toolNameOr("currentTime") + "` 工具的查询结果,**" + city + "** 现在的时间是 **"
						+ result + "**。\n\n" + "> 这个时间由应用里的 `@Tool` 方法在你的电脑上计算;模型只负责决定何时调用它、传入什么参数。";
				return finish(script, conversation);
			}
			String question = conversation.lastContent();
			String lower = question.toLowerCase(Locale.ROOT);
			if (question.contains("限流") || lower.contains("throttl") || lower.contains("429")) {
				script.errorStatus = 429;
				return script;
			}
			if (question.contains("密钥错误") || lower.contains("bad key") || lower.contains("401")) {
				script.errorStatus = 401;
				return script;
			}
			boolean asksTime = question.contains("几点") || question.contains("时间") || lower.contains("time");
			if (asksTime && conversation.toolName() != null) {
				String city = city(question);
				script.reasoning = "用户想知道" + city + "现在的时间。我没有实时时钟,不能凭记忆回答;不过请求里提供了 " + conversation.toolName()
						+ " 工具,可以查询一个城市的当前时间。调用它,参数 " + conversation.toolParameter() + " 设为「" + city + "」。";
				script.toolCall = new String[] {
						"call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22),
						conversation.toolName(), "{\"" + conversation.toolParameter() + "\": \"" + city + "\"}" };
				return finish(script, conversation);
			}
			if (question.contains("长文") || lower.contains("long")) {
				script.slow = true;
				script.reasoning = "用户想要一篇长文。按章节展开,每节一个小标题和几段文字,内容围绕 Spring AI 与 GLM。";
				StringBuilder answer = new StringBuilder("# Spring AI 与 GLM:一篇很长的离线示例\n\n");
				for (int i = 1; i <= 40; i++) {
					answer.append("## 第 ")
						.append(i)
						.append(" 节\n\n")
						.append("这是离线模拟生成的第 ")
						.append(i)
						.append(" 段文字。`ChatClient` 把每个流式片段交给页面,页面把它渲染成 Markdown;")
						.append("按下 **Stop** 会取消订阅,Spring 会关闭到服务器的连接,服务器随即停止生成。\n\n");
				}
				script.answer = answer.toString();
				return finish(script, conversation);
			}
			if (question.contains("注入") || lower.contains("inject")) {
				script.reasoning = "用户想看回答里的 HTML 和脚本会怎样。原样写进回答:页面应该把它们显示为文字,而不是执行。";
				script.answer = "回答里的 HTML 只是文字:<script>window.injected = 'script'</script>\n\n"
						+ "<img src=\"x\" onerror=\"window.injected = 'img'\">\n\n"
						+ "[点我](javascript:window.injected='link') <a href=\"javascript:window.injected='a'\">也点我</a>\n\n"
						+ "| 标签 | 结果 |\n" + "|---|---|\n"
						+ "| <img src=x onerror=\"window.injected='cell'\"> | 显示为文字 |\n";
			}
			else if (question.contains("断网") || lower.contains("network")) {
				script.reasoning = "用户想看网络中断时会发生什么。先正常开始回答,然后连接会在中途断开。";
				script.answer = "好的,我开始回答。这段回答会在中途因为连接断开而停止,页面或控制台应该用平实的语言说明网络出了问题," + "并保留已经收到的部分。接下来的内容你不会看到。";
			}
			else {
				script.reasoning = "用户问的是「" + question + "」。这是一个关于身份和能力的基础问题,应该用中文回答。"
						+ "首先说明我是谁,以及这次回答来自离线模拟;然后列出我擅长的事情,比如问答、写作、代码和调用工具;" + "最后邀请用户继续提问。语气友好、简洁。";
				script.answer = "我是 **GLM**(离线模拟)。这段回答来自应用内置的脚本化假服务器:没有联网,也没有用到 API Key。\n\n"
						+ "在真实环境中,我是智谱 AI 训练的 GLM 大语言模型,部署在阿里云百炼上,可以:\n\n" + "- 回答问题、解释概念\n" + "- 写作、总结与翻译\n"
						+ "- 编写和解释代码:\n" + "  1. 读懂需求\n" + "  2. 写出代码,例如 `chatClient.prompt(\"你是谁\").stream()`\n"
						+ "  3. 讲清细节,比如 Markdown 用 `` `code` `` 标出行内代码\n" + "- 调用应用提供的工具(试试问「东京现在几点?」)\n\n"
						+ "| 能力 | 示例 |\n" + "|---|---|\n" + "| 思考 | 先推理,再回答 |\n" + "| 工具 | `currentTime(city)` |\n\n"
						+ "```java\n" + "String answer = chatClient.prompt(\"你是谁\")\n" + "\t.call()\n"
						+ "\t.content();\n" + "```\n\n" + "**回答会流式到达,*每个片段*都会立即显示。** 想了解 Java,可以看 "
						+ "[维基百科](https://en.wikipedia.org/wiki/Java_(programming_language))。\n\n" + "你的问题是:「"
						+ question + "」,这是本次会话中的第 " + conversation.userTurns() + " 个问题。";
			}
			script.dropMidAnswer = question.contains("断网") || lower.contains("network");
			return finish(script, conversation);
		}

		private static Script finish(Script script, Conversation conversation) {
			if (!conversation.thinking()) {
				script.reasoning = "";
			}
			return script;
		}

		private static String city(@Nullable String text) {
			if (text != null) {
				for (String city : CITIES) {
					if (text.toLowerCase(Locale.ROOT).contains(city.toLowerCase(Locale.ROOT))) {
						return city;
					}
				}
			}
			return "北京";
		}

		private static String unquote(String content) {
			String text = content.strip();
			if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
				try {
					return JSON.readValue(text, String.class);
				}
				catch (RuntimeException ex) {
					return text.substring(1, text.length() - 1);
				}
			}
			return text;
		}

	}

	/** Renders a script as the SSE events of each protocol. */
	static final class Frames {

		private Frames() {
		}

		/** Pieces of 1 to 4 characters, as a tokenizer would stream them. */
		static List<String> pieces(String text) {
			List<String> pieces = new ArrayList<>();
			int[] sizes = { 2, 3, 1, 4, 2, 3 };
			int i = 0;
			int n = 0;
			while (i < text.length()) {
				int end = Math.min(text.length(), text.offsetByCodePoints(i,
						Math.min(sizes[n++ % sizes.length], text.codePointCount(i, text.length()))));
				pieces.add(text.substring(i, end));
				i = end;
			}
			return pieces;
		}

		static List<String> compatible(Conversation conversation, Script script, String requestId) {
			String id = "chatcmpl-" + requestId;
			long created = System.currentTimeMillis() / 1000;
			List<String> frames = new ArrayList<>();
			Map<String, Object> first = delta(conversation.thinking() ? "" : null, null);
			first.put("role", "assistant");
			frames.add(compatibleChunk(id, created, conversation.model(), first, null));
			int reasoningTokens = 0;
			for (String piece : pieces(script.reasoning)) {
				frames.add(compatibleChunk(id, created, conversation.model(), delta(piece, null), null));
				reasoningTokens++;
			}
			int completionTokens = reasoningTokens;
			List<String> answer = pieces(script.answer);
			for (String piece : answer) {
				frames.add(compatibleChunk(id, created, conversation.model(), delta(null, piece), null));
				completionTokens++;
			}
			String finishReason = "stop";
			if (script.toolCall != null) {
				for (Map<String, Object> call : toolCallFragments(script.toolCall, true)) {
					Map<String, Object> delta = new LinkedHashMap<>();
					delta.put("content", null);
					delta.put("tool_calls", List.of(call));
					frames.add(compatibleChunk(id, created, conversation.model(), delta, null));
					completionTokens += 3;
				}
				finishReason = "tool_calls";
			}
			if (script.dropMidAnswer) {
				script.dropAfterFrames = frames.size() - answer.size() / 2;
			}
			Map<String, Object> last = (script.toolCall != null) ? new LinkedHashMap<>() : delta(null, "");
			frames.add(compatibleChunk(id, created, conversation.model(), last, finishReason));
			if (conversation.includeUsage()) {
				Map<String, Object> usage = new LinkedHashMap<>();
				int prompt = conversation.promptTokens();
				usage.put("prompt_tokens", prompt);
				usage.put("completion_tokens", completionTokens);
				usage.put("total_tokens", prompt + completionTokens);
				usage.put("completion_tokens_details", Map.of("reasoning_tokens", reasoningTokens));
				usage.put("prompt_tokens_details", Map.of("cached_tokens", 0));
				Map<String, Object> chunk = new LinkedHashMap<>();
				chunk.put("choices", List.of());
				chunk.put("object", "chat.completion.chunk");
				chunk.put("usage", usage);
				chunk.put("created", created);
				chunk.put("system_fingerprint", null);
				chunk.put("model", conversation.model());
				chunk.put("id", id);
				frames.add("data: " + JSON.writeValueAsString(chunk) + "\n\n");
			}
			frames.add("data: [DONE]\n\n");
			return frames;
		}

		private static Map<String, Object> delta(@Nullable String reasoning, @Nullable String content) {
			Map<String, Object> delta = new LinkedHashMap<>();
			delta.put("content", content);
			delta.put("reasoning_content", reasoning);
			return delta;
		}

		private static String compatibleChunk(String id, long created, String model, Map<String, Object> delta,
				@Nullable String finishReason) {
			Map<String, Object> choice = new LinkedHashMap<>();
			choice.put("delta", delta);
			choice.put("index", 0);
			choice.put("logprobs", null);
			choice.put("finish_reason", finishReason);
			Map<String, Object> chunk = new LinkedHashMap<>();
			chunk.put("choices", List.of(choice));
			chunk.put("object", "chat.completion.chunk");
			chunk.put("usage", null);
			chunk.put("created", created);
			chunk.put("system_fingerprint", null);
			chunk.put("model", model);
			chunk.put("id", id);
			return "data: " + JSON.writeValueAsString(chunk) + "\n\n";
		}

		static List<String> dashScope(Conversation conversation, Script script, String requestId) {
			List<String> frames = new ArrayList<>();
			int prompt = conversation.promptTokens();
			int[] tokens = new int[2];
			for (String piece : pieces(script.reasoning)) {
				tokens[0]++;
				tokens[1]++;
				frames.add(nativeFrame(frames.size() + 1, message("", piece, null), "null", prompt, tokens, requestId));
			}
			List<String> answer = pieces(script.answer);
			for (String piece : answer) {
				tokens[1]++;
				frames.add(nativeFrame(frames.size() + 1, message(piece, "", null), "null", prompt, tokens, requestId));
			}
			String finishReason = "stop";
			if (script.toolCall != null) {
				for (Map<String, Object> call : toolCallFragments(script.toolCall, false)) {
					tokens[1] += 3;
					frames.add(nativeFrame(frames.size() + 1, message("", "", List.of(call)), "null", prompt, tokens,
							requestId));
				}
				finishReason = "tool_calls";
			}
			if (script.dropMidAnswer) {
				script.dropAfterFrames = frames.size() - answer.size() / 2;
			}
			frames.add(nativeFrame(frames.size() + 1, message("", "", null), finishReason, prompt, tokens, requestId));
			return frames;
		}

		/**
		 * The streamed fragments of a tool call: the first with id and name, the others
		 * with an empty id and argument slices, keys in each protocol's order.
		 */
		private static List<Map<String, Object>> toolCallFragments(String[] toolCall, boolean idBeforeType) {
			List<String> arguments = splitArguments(toolCall[2]);
			List<Map<String, Object>> fragments = new ArrayList<>(arguments.size());
			for (int i = 0; i < arguments.size(); i++) {
				Map<String, Object> function = new LinkedHashMap<>();
				if (i == 0) {
					function.put("name", toolCall[1]);
				}
				function.put("arguments", arguments.get(i));
				Map<String, Object> call = new LinkedHashMap<>();
				call.put("index", 0);
				String id = (i == 0) ? toolCall[0] : "";
				if (idBeforeType) {
					call.put("id", id);
				}
				call.put("type", "function");
				if (!idBeforeType) {
					call.put("id", id);
				}
				call.put("function", function);
				fragments.add(call);
			}
			return fragments;
		}

		private static Map<String, Object> message(String content, String reasoning,
				@Nullable List<Map<String, Object>> toolCalls) {
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("content", content);
			message.put("reasoning_content", reasoning);
			message.put("role", "assistant");
			if (toolCalls != null) {
				message.put("tool_calls", toolCalls);
			}
			return message;
		}

		private static String nativeFrame(int id, Map<String, Object> message, String finishReason, int prompt,
				int[] tokens, String requestId) {
			Map<String, Object> choice = new LinkedHashMap<>();
			choice.put("message", message);
			choice.put("finish_reason", finishReason);
			Map<String, Object> usage = new LinkedHashMap<>();
			usage.put("total_tokens", prompt + tokens[1]);
			usage.put("output_tokens", tokens[1]);
			usage.put("input_tokens", prompt);
			usage.put("output_tokens_details", Map.of("reasoning_tokens", tokens[0]));
			Map<String, Object> frame = new LinkedHashMap<>();
			frame.put("output", Map.of("choices", List.of(choice)));
			frame.put("usage", usage);
			frame.put("request_id", requestId);
			return "id:" + id + "\nevent:result\n:HTTP_STATUS/200\ndata:" + JSON.writeValueAsString(frame) + "\n\n";
		}

		/** Tool arguments in two fragments, as the service streams them. */
		private static List<String> splitArguments(String arguments) {
			int cut = arguments.indexOf(':') + 1;
			return (cut > 0) ? List.of(arguments.substring(0, cut), arguments.substring(cut)) : List.of(arguments);
		}

	}

}
