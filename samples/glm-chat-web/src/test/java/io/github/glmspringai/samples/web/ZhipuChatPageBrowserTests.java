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

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.RecordedGlmRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page on the {@code zhipu} protocol ({@code spring.ai.glm.protocol=zhipu}),
 * against the offline simulation's Zhipu endpoint, in a real headless Chromium: the page
 * names the platform and protocol, offers glm-4.7-flash, and streams the answer; the
 * model, thinking switch and effort go out in Zhipu's fields.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "glm.offline.chunk-delay=5ms", "spring.ai.glm.protocol=zhipu" })
@ActiveProfiles("offline")
class ZhipuChatPageBrowserTests {

	private static ChatPage page;

	@LocalServerPort
	private int port;

	@Autowired
	private FakeGlmService server;

	@BeforeAll
	static void startBrowser() throws IOException {
		page = ChatPage.start();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (page != null) {
			page.close();
		}
	}

	@Test
	void streamsAnAnswerFromGlm47Flash() {
		page.open(this.port);
		assertThat(page.browser().findElement(By.id("platform")).getText()).isEqualTo("智谱 BigModel / Z.ai");
		assertThat(page.browser().findElement(By.id("protocol")).getText()).isEqualTo("zhipu");
		assertThat(page.select("model").getOptions()).extracting(WebElement::getText)
			.containsExactly("glm-5", "glm-5.3", "glm-5.2", "glm-5.1", "glm-4.7-flash");
		page.select("model").selectByValue("glm-4.7-flash");

		int sent = this.server.requestCount();
		WebElement turn = page.ask("你是谁");
		WebElement reasoning = turn.findElement(By.cssSelector(".reasoning-text"));
		WebElement answer = turn.findElement(By.cssSelector(".answer"));
		page.waitFor(() -> !reasoning.getText().isEmpty());
		page.waitForState(turn, "done");

		assertThat(reasoning.getText()).startsWith("用户问的是「你是谁」");
		assertThat(answer.findElement(By.cssSelector("p > strong")).getText()).isEqualTo("GLM");
		assertThat(turn.findElement(By.cssSelector(".status.usage")).getText())
			.matches("Token 消耗: prompt \\d+ · completion \\d+ · reasoning \\d+ · total \\d+ · glm-4\\.7-flash");
		RecordedGlmRequest request = this.server.requests().get(sent);
		assertThat(request.protocol()).isEqualTo(GlmProtocol.ZHIPU);
		assertThat(request.path()).isEqualTo(FakeGlmService.ZHIPU_PATH);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-4.7-flash");
		assertThat(request.json().path("thinking").path("type").asString()).isEqualTo("enabled");
		assertThat(request.json().has("enable_thinking")).isFalse();
		assertThat(request.json().has("reasoning_effort")).isFalse();
		page.screenshot("glm-chat-web-zhipu.png");
	}

	@Test
	void sendsTheChosenEffortAndRefusesThinkingOffOnGlm53() {
		page.open(this.port);
		page.select("model").selectByValue("glm-5.3");
		assertThat(page.select("effort").getOptions()).extracting((option) -> option.getDomAttribute("value"))
			.containsExactly("", "low", "high", "max");
		page.select("effort").selectByValue("max");
		int sent = this.server.requestCount();
		WebElement turn = page.ask("你好");
		page.waitForState(turn, "done");
		RecordedGlmRequest request = this.server.requests().get(sent);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-5.3");
		assertThat(request.json().path("reasoning_effort").asString()).isEqualTo("max");

		page.browser().findElement(By.id("thinking")).click();
		WebElement refused = page.ask("你好");
		page.waitForState(refused, "error");
		assertThat(refused.findElement(By.cssSelector(".status.error")).getText())
			.startsWith("The request was not sent because an option is invalid: glm-5.3 always thinks");
		assertThat(this.server.requestCount()).isEqualTo(sent + 1);
	}

}
