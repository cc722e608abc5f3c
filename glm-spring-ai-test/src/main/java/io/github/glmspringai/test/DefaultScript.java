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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * What the service answers when no {@link Turn} is enqueued. It does not understand
 * language; it reads the request and plays one of a few scripts:
 * <ul>
 * <li>thinking, then a Markdown answer (a list with a nested ordered list, a table, a
 * code block, a link), then usage;</li>
 * <li>a tool call when the question asks for the time (时间, 几点, "time") and the request
 * offers a tool, then an answer built from the tool result;</li>
 * <li>a long, slow answer for questions containing 长文 or "long";</li>
 * <li>an answer with raw HTML, a script and a {@code javascript:} link for questions
 * containing 注入 or "inject" (to check that a page shows them as text);</li>
 * <li>errors: HTTP 429 throttling (限流, "throttl", "429"), HTTP 401 invalid key (密钥错误,
 * "bad key", "401") and a connection dropped mid-answer (断网, "network").</li>
 * </ul>
 *
 * @author glm-spring-ai
 */
final class DefaultScript {

	private static final List<String> CITIES = List.of("北京", "上海", "杭州", "深圳", "香港", "东京", "首尔", "新加坡", "伦敦", "巴黎",
			"柏林", "纽约", "旧金山", "悉尼", "Beijing", "Shanghai", "Hangzhou", "Shenzhen", "Hong Kong", "Tokyo", "Seoul",
			"Singapore", "London", "Paris", "Berlin", "New York", "San Francisco", "Sydney");

	private static final int[] PIECE_SIZES = { 2, 3, 1, 4, 2, 3 };

	private DefaultScript() {
	}

	/**
	 * The scripted turn for a request.
	 * @param conversation the request
	 * @param chunkDelay the service's chunk delay (the long answer uses twice this)
	 * @return the turn
	 */
	static Turn plan(Conversation conversation, Duration chunkDelay) {
		String toolName = conversation.tools().isEmpty() ? null : conversation.tools().get(0).name();
		String toolNameOrDefault = (toolName != null) ? toolName : "currentTime";
		if ("tool".equals(conversation.lastRole())) {
			String city = city(conversation.lastToolArguments());
			String result = unquote(conversation.lastContent());
			return turn(
					"工具 " + toolNameOrDefault + " 返回了" + city + "的当前时间:" + result
							+ "。现在把这个结果告诉用户,说明时间来自应用里的工具,而不是模型自己的知识。",
					"根据 `" + toolNameOrDefault + "` 工具的查询结果,**" + city + "** 现在的时间是 **" + result + "**。\n\n"
							+ "> 这个时间由应用里的 `@Tool` 方法在你的电脑上计算;模型只负责决定何时调用它、传入什么参数。")
				.build();
		}
		String question = conversation.lastContent();
		String lower = question.toLowerCase(Locale.ROOT);
		if (question.contains("限流") || lower.contains("throttl") || lower.contains("429")) {
			return Turn.error(ServiceError.THROTTLED);
		}
		if (question.contains("密钥错误") || lower.contains("bad key") || lower.contains("401")) {
			return Turn.error(ServiceError.INVALID_API_KEY);
		}
		boolean asksTime = question.contains("几点") || question.contains("时间") || lower.contains("time");
		if (asksTime && toolName != null) {
			String city = city(question);
			String parameter = conversation.tools().get(0).firstParameter();
			return turn("用户想知道" + city + "现在的时间。我没有实时时钟,不能凭记忆回答;不过请求里提供了 " + toolName + " 工具,可以查询一个城市的当前时间。调用它,参数 "
					+ parameter + " 设为「" + city + "」。", "")
				.toolCall(toolName, "{\"" + parameter + "\": \"" + city + "\"}")
				.build();
		}
		if (question.contains("长文") || lower.contains("long")) {
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
			return turn("用户想要一篇长文。按章节展开,每节一个小标题和几段文字,内容围绕 Spring AI 与 GLM。", answer.toString())
				.chunkDelay(chunkDelay.multipliedBy(2))
				.build();
		}
		if (question.contains("注入") || lower.contains("inject")) {
			return turn("用户想看回答里的 HTML 和脚本会怎样。原样写进回答:页面应该把它们显示为文字,而不是执行。",
					"回答里的 HTML 只是文字:<script>window.injected = 'script'</script>\n\n"
							+ "<img src=\"x\" onerror=\"window.injected = 'img'\">\n\n"
							+ "[点我](javascript:window.injected='link') <a href=\"javascript:window.injected='a'\">也点我</a>\n\n"
							+ "| 标签 | 结果 |\n" + "|---|---|\n"
							+ "| <img src=x onerror=\"window.injected='cell'\"> | 显示为文字 |\n")
				.build();
		}
		if (question.contains("断网") || lower.contains("network")) {
			String reasoning = "用户想看网络中断时会发生什么。先正常开始回答,然后连接会在中途断开。";
			List<String> answer = pieces(
					"好的,我开始回答。这段回答会在中途因为连接断开而停止,页面或控制台应该用平实的语言说明网络出了问题," + "并保留已经收到的部分。接下来的内容你不会看到。");
			int reasoningChunks = conversation.thinking() ? pieces(reasoning).size() : 0;
			return turn(reasoning, String.join("", answer))
				.dropAfter(reasoningChunks + answer.size() - answer.size() / 2)
				.build();
		}
		return turn(
				"用户问的是「" + question + "」。这是一个关于身份和能力的基础问题,应该用中文回答。" + "首先说明我是谁,以及这次回答来自离线模拟;然后列出我擅长的事情,比如问答、写作、代码和调用工具;"
						+ "最后邀请用户继续提问。语气友好、简洁。",
				"我是 **GLM**(离线模拟)。这段回答来自应用内置的脚本化假服务器:没有联网,也没有用到 API Key。\n\n"
						+ "在真实环境中,我是智谱 AI 训练的 GLM 大语言模型(在阿里云百炼和智谱的开放平台上提供),可以:\n\n" + "- 回答问题、解释概念\n" + "- 写作、总结与翻译\n"
						+ "- 编写和解释代码:\n" + "  1. 读懂需求\n" + "  2. 写出代码,例如 `chatClient.prompt(\"你是谁\").stream()`\n"
						+ "  3. 讲清细节,比如 Markdown 用 `` `code` `` 标出行内代码\n" + "- 调用应用提供的工具(试试问「东京现在几点?」)\n\n"
						+ "| 能力 | 示例 |\n" + "|---|---|\n" + "| 思考 | 先推理,再回答 |\n" + "| 工具 | `currentTime(city)` |\n\n"
						+ "```java\n" + "String answer = chatClient.prompt(\"你是谁\")\n" + "\t.call()\n"
						+ "\t.content();\n" + "```\n\n" + "**回答会流式到达,*每个片段*都会立即显示。** 想了解 Java,可以看 "
						+ "[维基百科](https://en.wikipedia.org/wiki/Java_(programming_language))。\n\n" + "你的问题是:「"
						+ question + "」,这是本次会话中的第 " + conversation.userTurns() + " 个问题。")
			.build();
	}

	/**
	 * Reasoning and answer in pieces of 1 to 4 characters, as a tokenizer streams them.
	 */
	private static Turn.Builder turn(String reasoning, String answer) {
		return Turn.builder()
			.reasoning(pieces(reasoning).toArray(String[]::new))
			.answer(pieces(answer).toArray(String[]::new));
	}

	static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		int i = 0;
		int n = 0;
		while (i < text.length()) {
			int end = Math.min(text.length(), text.offsetByCodePoints(i,
					Math.min(PIECE_SIZES[n++ % PIECE_SIZES.length], text.codePointCount(i, text.length()))));
			pieces.add(text.substring(i, end));
			i = end;
		}
		return pieces;
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
				return Json.MAPPER.readValue(text, String.class);
			}
			catch (JacksonException ex) {
				return text.substring(1, text.length() - 1);
			}
		}
		return text;
	}

}
