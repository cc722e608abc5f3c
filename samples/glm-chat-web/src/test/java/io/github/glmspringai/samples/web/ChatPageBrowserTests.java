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

package io.github.glmspringai.samples.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.RecordedGlmRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real headless Chromium, against the offline simulation: reasoning
 * before the answer, live Markdown (markdown-it and DOMPurify from the WebJars), HTML in
 * an answer kept as text, usage, memory, the tool, Stop, errors, and the model, effort
 * and thinking selectors (what they send, and the GLM model's refusal of a combination
 * before sending). Skipped when Chromium is not installed
 * ({@code apt-get install chromium chromium-driver}). Screenshots go to
 * {@code target/screenshots/}.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "glm.offline.chunk-delay=15ms")
@ActiveProfiles("offline")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatPageBrowserTests {

	private static ChatPage page;

	private static ChromeDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private FakeGlmService server;

	@BeforeAll
	static void startBrowser() throws IOException {
		page = ChatPage.start();
		browser = page.browser();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (page != null) {
			page.close();
		}
	}

	@Test
	@Order(1)
	void streamsReasoningBeforeTheAnswerThenMarkdownAndUsage() {
		page.open(this.port);
		assertThat(browser.findElement(By.id("mode-badge")).getText()).isEqualTo("offline simulation");
		assertThat(browser.findElement(By.id("banner")).getText()).startsWith("offline simulation")
			.contains("http://127.0.0.1:");
		assertThat(browser.findElement(By.id("platform")).getText()).isEqualTo("阿里云百炼");
		assertThat(browser.findElement(By.id("protocol")).getText()).isEqualTo("openai-compatible");
		browser.findElement(By.id("new-conversation")).click();

		int sent = this.server.requestCount();
		WebElement turn = page.ask("你是谁");
		WebElement reasoning = turn.findElement(By.cssSelector(".reasoning-text"));
		WebElement answer = turn.findElement(By.cssSelector(".answer"));
		page.waitFor(() -> !reasoning.getText().isEmpty());
		assertThat(browser.findElement(By.id("stop")).isEnabled()).isTrue();
		page.waitFor(() -> !answer.getText().isEmpty());
		page.waitForState(turn, "done");

		// the page stamps the time of the first reasoning and of the first answer event
		double firstReasoning = Double.parseDouble(turn.getDomAttribute("data-first-reasoning-ms"));
		double firstAnswer = Double.parseDouble(turn.getDomAttribute("data-first-answer-ms"));
		assertThat(firstReasoning).as("reasoning shown before the answer").isLessThan(firstAnswer);
		assertThat(reasoning.getText()).startsWith("用户问的是「你是谁」");
		assertThat(answer.findElement(By.cssSelector("p > strong")).getText()).isEqualTo("GLM");
		assertRichMarkdown(answer);
		assertThat(answer.getText()).contains("这是本次会话中的第 1 个问题");
		assertThat(turn.findElement(By.cssSelector(".status.usage")).getText())
			.matches("Token 消耗: prompt \\d+ · completion \\d+ · reasoning \\d+ · total \\d+ · glm-5");
		// the default model, thinking on, no reasoning effort
		RecordedGlmRequest request = this.server.requests().get(sent);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-5");
		assertThat(request.json().path("enable_thinking").asBoolean(false)).isTrue();
		assertThat(request.json().has("reasoning_effort")).isFalse();

		// the conversation memory of this browser session sends the first turn along
		WebElement second = page.ask("你好");
		page.waitForState(second, "done");
		assertThat(second.findElement(By.cssSelector(".answer")).getText()).contains("这是本次会话中的第 2 个问题");
	}

	@Test
	@Order(2)
	void callsTheToolAndAnswersFromItsResult() {
		int toolRounds = this.server.toolCallRounds();
		WebElement turn = page.ask("东京现在几点?");
		page.waitForState(turn, "done");

		String tool = turn.findElement(By.cssSelector(".tool")).getText();
		assertThat(tool).startsWith("工具调用 tool currentTime(东京) → ").contains("(Asia/Tokyo, UTC+09:00)");
		String time = tool.substring(tool.indexOf("→ ") + 2);
		assertThat(turn.findElement(By.cssSelector(".answer strong:last-of-type")).getText()).isEqualTo(time);
		assertThat(turn.findElement(By.cssSelector(".reasoning-text")).getText()).contains("currentTime 工具");
		assertThat(this.server.toolCallRounds()).isEqualTo(toolRounds + 1);
		assertThat(turn.findElement(By.cssSelector(".status.usage")).getText()).contains("reasoning n/a");
		page.screenshot("glm-chat-web-offline.png");
	}

	@Test
	@Order(3)
	void stopCancelsTheStreamAndTheRequestToTheModel() {
		int cancelled = this.server.cancelledStreams();
		int completed = this.server.completedStreams();
		WebElement turn = page.ask("写一篇长文介绍 Spring AI");
		WebElement answer = turn.findElement(By.cssSelector(".answer"));
		page.waitFor(() -> answer.findElements(By.tagName("h2")).size() >= 2);
		browser.findElement(By.id("stop")).click();

		page.waitForState(turn, "stopped");
		assertThat(turn.findElement(By.cssSelector(".status")).getText()).startsWith("已停止 Stopped");
		page.waitFor(() -> this.server.cancelledStreams() == cancelled + 1);
		assertThat(this.server.completedStreams()).isEqualTo(completed);
		int length = answer.getText().length();
		sleep(Duration.ofMillis(300));
		assertThat(answer.getText()).hasSize(length);
		assertThat(answer.findElements(By.tagName("h2")).size()).isLessThan(40);
		assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
		assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
		page.screenshot("glm-chat-web-stopped.png");
	}

	@Test
	@Order(4)
	void errorsAreShownInPlainWords() {
		WebElement throttled = page.ask("模拟限流");
		page.waitForState(throttled, "error");
		assertThat(throttled.findElement(By.cssSelector(".status.error")).getText())
			.startsWith("Model Studio is throttling requests (HTTP 429, limit_requests");

		WebElement dropped = page.ask("模拟断网");
		page.waitForState(dropped, "error");
		assertThat(dropped.findElement(By.cssSelector(".answer")).getText()).startsWith("好的,我开始回答。");
		String message = dropped.findElement(By.cssSelector(".status.error")).getText();
		assertThat(message).startsWith("The network connection broke while the answer was streaming");
		assertThat(List.of(throttled.getText(), dropped.getText()))
			.allSatisfy((text) -> assertThat(text).doesNotContain("Exception")
				.doesNotContain("at io.")
				.doesNotContain("at org."));
	}

	@Test
	@Order(5)
	void htmlAndScriptsInTheAnswerAreShownAsTextNotRun() {
		WebElement turn = page.ask("模拟注入");
		page.waitForState(turn, "done");
		WebElement answer = turn.findElement(By.cssSelector(".answer"));

		// a canary inserted by the test shows that such an image does fire its handler
		// here
		browser.executeScript("var canary = document.createElement('div');"
				+ "canary.innerHTML = '<img src=\"x\" onerror=\"window.canary = true\">';"
				+ "document.body.appendChild(canary);");
		page.waitFor(() -> Boolean.TRUE.equals(browser.executeScript("return window.canary === true;")));
		assertThat(browser.executeScript("return String(window.injected);")).isEqualTo("undefined");
		assertThat(answer.findElements(By.cssSelector("script, img, a, [onerror]"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#conversation a[href^='javascript'], #conversation img")))
			.isEmpty();

		assertThat(answer.getText()).contains("回答里的 HTML 只是文字:<script>window.injected = 'script'</script>")
			.contains("<img src=\"x\" onerror=\"window.injected = 'img'\">")
			.contains("[点我](javascript:window.injected='link')")
			.contains("<a href=\"javascript:window.injected='a'\">也点我</a>");
		assertThat(answer.findElement(By.cssSelector("table td")).getText())
			.isEqualTo("<img src=x onerror=\"window.injected='cell'\">");
	}

	@Test
	@Order(6)
	void theChosenModelAndReasoningEffortAreSent() {
		Select model = page.select("model");
		assertThat(model.getOptions()).extracting(WebElement::getText)
			.containsExactly("glm-5", "glm-5.3", "glm-5.2", "glm-5.1");
		assertThat(model.getFirstSelectedOption().getText()).isEqualTo("glm-5");
		assertThat(page.select("effort").getOptions()).extracting(WebElement::getText)
			.containsExactly("默认 default", "low", "medium", "high", "xhigh", "max");

		// glm-5.3 takes low, high and max only
		model.selectByValue("glm-5.3");
		Select effort = page.select("effort");
		assertThat(effort.getOptions()).extracting((option) -> option.getDomAttribute("value"))
			.containsExactly("", "low", "high", "max");
		effort.selectByValue("low");
		int sent = this.server.requestCount();
		WebElement turn = page.ask("你好");
		page.waitForState(turn, "done");

		assertThat(this.server.requestCount()).isEqualTo(sent + 1);
		RecordedGlmRequest request = this.server.requests().get(sent);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-5.3");
		assertThat(request.json().path("reasoning_effort").asString()).isEqualTo("low");
		assertThat(request.json().path("enable_thinking").asBoolean(false)).isTrue();
		assertThat(turn.findElement(By.cssSelector(".answer")).getText()).startsWith("我是 GLM");
		assertThat(turn.findElement(By.cssSelector(".status.usage")).getText()).endsWith("· glm-5.3");
		page.screenshot("glm-chat-web-effort.png");
	}

	@Test
	@Order(7)
	void aCombinationTheModelRejectsIsExplainedAndNeverSent() {
		page.select("model").selectByValue("glm-5.3");
		page.select("effort").selectByValue("");
		WebElement thinking = browser.findElement(By.id("thinking"));
		thinking.click();
		assertThat(thinking.isSelected()).isFalse();
		int sent = this.server.requestCount();
		WebElement turn = page.ask("你好");
		page.waitForState(turn, "error");

		assertThat(turn.findElement(By.cssSelector(".status.error")).getText())
			.startsWith("The request was not sent because an option is invalid: glm-5.3 always thinks: "
					+ "the service rejects enableThinking=false.")
			.doesNotContain("Exception");
		assertThat(this.server.requestCount()).isEqualTo(sent);
		page.screenshot("glm-chat-web-rejected.png");

		thinking.click();
		page.select("model").selectByValue("glm-5");
	}

	private static void assertRichMarkdown(WebElement answer) {
		assertThat(answer.findElements(By.cssSelector(".answer > ul > li"))).hasSize(4);
		assertThat(answer.findElements(By.cssSelector(".answer > ul > li > ol > li"))).extracting(WebElement::getText)
			.containsExactly("读懂需求", "写出代码,例如 chatClient.prompt(\"你是谁\").stream()", "讲清细节,比如 Markdown 用 `code` 标出行内代码");
		assertThat(answer.findElements(By.cssSelector("ol > li > code"))).extracting(WebElement::getText)
			.containsExactly("chatClient.prompt(\"你是谁\").stream()", "`code`");
		assertThat(answer.findElements(By.cssSelector("table > thead > tr > th"))).extracting(WebElement::getText)
			.containsExactly("能力", "示例");
		assertThat(answer.findElements(By.cssSelector("table > tbody > tr > td"))).extracting(WebElement::getText)
			.containsExactly("思考", "先推理,再回答", "工具", "currentTime(city)");
		assertThat(answer.findElement(By.cssSelector("pre > code.language-java")).getDomProperty("textContent"))
			.isEqualTo("String answer = chatClient.prompt(\"你是谁\")\n\t.call()\n\t.content();\n");
		WebElement emphasis = answer.findElement(By.cssSelector("p > strong > em"));
		assertThat(emphasis.getText()).isEqualTo("每个片段");
		assertThat(emphasis.findElement(By.xpath("..")).getText()).isEqualTo("回答会流式到达,每个片段都会立即显示。");
		WebElement link = answer.findElement(By.linkText("维基百科"));
		assertThat(link.getDomAttribute("href")).isEqualTo("https://en.wikipedia.org/wiki/Java_(programming_language)");
		assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
