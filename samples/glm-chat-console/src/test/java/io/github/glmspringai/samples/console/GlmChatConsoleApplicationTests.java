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

package io.github.glmspringai.samples.console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.RecordedGlmRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the console sample in the offline simulation, over each protocol, and checks what
 * was sent (the requests the offline service recorded) and what a user sees.
 *
 * @author glm-spring-ai
 */
class GlmChatConsoleApplicationTests {

	private static final Pattern USAGE = Pattern
		.compile("prompt_tokens=(\\d+), completion_tokens=(\\d+), reasoning_tokens=(\\d+), total_tokens=(\\d+)");

	private static final String NOT_SENT = "The request was not sent because an option is invalid: ";

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope", "zhipu" })
	void printsThinkingAnswerAndUsageInOrder(String protocol) {
		Run run = run("--protocol=" + protocol);

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("[offline simulation]")
			.contains("model glm-5 · protocol " + protocol + " · thinking on · question: 你是谁");
		int thinking = run.out.indexOf(ChatConsole.THINKING);
		int answer = run.out.indexOf(ChatConsole.ANSWER);
		int usage = run.out.indexOf(ChatConsole.USAGE);
		assertThat(thinking).isPositive();
		assertThat(answer).isGreaterThan(thinking);
		assertThat(usage).isGreaterThan(answer);
		String reasoningText = run.out.substring(thinking + ChatConsole.THINKING.length(), answer);
		String answerText = run.out.substring(answer + ChatConsole.ANSWER.length(), usage);
		String usageText = run.out.substring(usage + ChatConsole.USAGE.length());
		assertThat(reasoningText).contains("你是谁").hasSizeGreaterThan(50);
		assertThat(answerText).contains("我是 **GLM**").hasSizeGreaterThan(50);
		Matcher numbers = USAGE.matcher(usageText);
		assertThat(numbers.find()).as(usageText).isTrue();
		int prompt = Integer.parseInt(numbers.group(1));
		int completion = Integer.parseInt(numbers.group(2));
		int reasoning = Integer.parseInt(numbers.group(3));
		int total = Integer.parseInt(numbers.group(4));
		assertThat(prompt).isPositive();
		assertThat(reasoning).isPositive().isLessThan(completion);
		assertThat(total).isEqualTo(prompt + completion);
		assertThat(run.err).isEmpty();

		RecordedGlmRequest request = single(run.requests);
		assertThat(request.protocol()).isEqualTo(GlmProtocol.from(protocol));
		assertThat(request.json().path("model").asString()).isEqualTo("glm-5");
		assertThat(thinking(request)).isEqualTo("true");
		assertThat(parameters(request).has("reasoning_effort")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope", "zhipu" })
	void callsTheClockToolWhenAskedForTheTime(String protocol) {
		Run run = run("--protocol=" + protocol, "东京现在几点?");

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("[tool call] currentTime(东京) -> ");
		String answerText = run.out.substring(run.out.indexOf(ChatConsole.ANSWER), run.out.indexOf(ChatConsole.USAGE));
		assertThat(answerText).contains("**东京** 现在的时间是").contains("Asia/Tokyo");
		assertThat(run.requests).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope", "zhipu" })
	void modelAndReasoningEffortAreSent(String protocol) {
		Run run = run("--protocol=" + protocol, "--model=glm-5.3", "--effort=low", "你好");

		assertThat(run.exitCode).isZero();
		assertThat(run.out)
			.contains("model glm-5.3 · protocol " + protocol + " · thinking on · effort low · question: 你好")
			.contains(ChatConsole.THINKING)
			.contains(ChatConsole.ANSWER)
			.contains(ChatConsole.USAGE);
		assertThat(run.err).isEmpty();
		RecordedGlmRequest request = single(run.requests);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-5.3");
		assertThat(parameters(request).path("reasoning_effort").asString()).isEqualTo("low");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--thinking=off", "--no-thinking" })
	void thinkingCanBeSwitchedOffAndTheModelChosen(String option) {
		Run run = run(option, "--model=glm-4.5-air", "你好");

		assertThat(run.exitCode).isZero();
		assertThat(run.out).contains("model glm-4.5-air · protocol openai-compatible · thinking off")
			.contains("(thinking switched off with " + option + ")");
		String thinking = run.out.substring(run.out.indexOf(ChatConsole.THINKING) + ChatConsole.THINKING.length(),
				run.out.indexOf(ChatConsole.ANSWER));
		assertThat(thinking.strip()).isEqualTo("(thinking switched off with " + option + ")");
		assertThat(run.out).contains("reasoning_tokens=0");
		RecordedGlmRequest request = single(run.requests);
		assertThat(request.json().path("model").asString()).isEqualTo("glm-4.5-air");
		assertThat(thinking(request)).isEqualTo("false");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
							openai-compatible | --thinking=off | --effort=high   | glm-5.3 always thinks: the service rejects enableThinking=false.
							dashscope         | --thinking=off | --effort=high   | glm-5.3 always thinks: the service rejects enableThinking=false.
							openai-compatible | --thinking=on  | --effort=medium | reasoningEffort must be one of [low, high, max] for glm-5.3 but was 'medium'
							dashscope         | --thinking=on  | --effort=medium | reasoningEffort must be one of [low, high, max] for glm-5.3 but was 'medium'
					zhipu             | --thinking=off | --effort=high   | glm-5.3 always thinks: the service rejects enableThinking=false.
					zhipu             | --thinking=on  | --effort=medium | reasoningEffort must be one of [low, high, max] for glm-5.3 but was 'medium'
							""")
	void optionsTheModelRejectsAreExplainedInOneLineAndNeverSent(String protocol, String thinking, String effort,
			String reason) {
		Run run = run("--protocol=" + protocol, "--model=glm-5.3", thinking, effort, "你好");

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.err).startsWith(NOT_SENT + reason).doesNotContain("Exception");
		assertThat(run.err.strip()).doesNotContain("\n");
		assertThat(run.out).contains("model glm-5.3").doesNotContain(ChatConsole.THINKING);
		assertThat(run.requests).isEmpty();
	}

	@Test
	void anEffortTheModelDoesNotTakeIsExplained() {
		Run run = run("--model=glm-4.5-air", "--effort=high");

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.err.strip())
			.isEqualTo(NOT_SENT + "reasoningEffort is not supported by glm-4.5-air on openai-compatible "
					+ "(GLM-5 and later have it); leave it unset");
		assertThat(run.requests).isEmpty();
	}

	@Test
	void aThinkingValueOtherThanOnOrOffIsExplained() {
		Run run = run("--thinking=maybe");

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.err.strip()).isEqualTo("--thinking must be on or off but was 'maybe'");
		assertThat(run.out).isEmpty();
		assertThat(run.requests).isEmpty();
	}

	@Test
	void failuresAreExplainedInPlainWords() {
		Run throttled = run("--protocol=dashscope", "模拟限流");
		assertThat(throttled.exitCode).isEqualTo(1);
		assertThat(throttled.err).contains("Model Studio is throttling requests (HTTP 429, Throttling.RateQuota");
		Run zhipuThrottled = run("--protocol=zhipu", "模拟限流");
		assertThat(zhipuThrottled.exitCode).isEqualTo(1);
		assertThat(zhipuThrottled.err).contains("Zhipu is throttling requests (HTTP 429, 1302");
		Run dropped = run("模拟断网");
		assertThat(dropped.exitCode).isEqualTo(1);
		assertThat(dropped.err).contains("The network connection broke while the answer was streaming");
		assertThat(List.of(throttled, zhipuThrottled, dropped))
			.allSatisfy((run) -> assertThat(run.out + run.err).doesNotContain("Exception").doesNotContain("\tat "));
	}

	@Test
	void withoutKeyExplainsHowToSetOneOrRunOffline() {
		assumeTrue(System.getenv("DASHSCOPE_API_KEY") == null, "DASHSCOPE_API_KEY is set in this environment");
		Run run = runWith("--spring.ai.glm.api-key=");

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.out).isEmpty();
		assertThat(run.err).startsWith("No API key for Alibaba Cloud Model Studio (百炼 / DashScope)")
			.contains("export DASHSCOPE_API_KEY=sk-...")
			.contains("export ZHIPUAI_API_KEY=...")
			.contains("-Dspring-boot.run.profiles=offline");
		assertThat(run.err.indexOf("DASHSCOPE_API_KEY")).isLessThan(run.err.indexOf("ZHIPUAI_API_KEY"));
	}

	@Test
	void withoutKeyOnZhipuNamesItsKeysFirst() {
		assumeTrue(System.getenv("ZHIPUAI_API_KEY") == null && System.getenv("ZAI_API_KEY") == null,
				"a Zhipu key is set in this environment");
		Run run = runWith("--spring.ai.glm.api-key=", "--protocol=zhipu");

		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.err).startsWith("No API key for Zhipu BigModel / Z.ai (protocol zhipu)")
			.contains("BigModel console (https://open.bigmodel.cn/usercenter/apikeys)")
			.contains("Z.ai (https://z.ai/manage-apikey/apikey-list)")
			.contains("export ZAI_API_KEY=...")
			.contains("--spring.ai.glm.base-url=https://api.z.ai")
			.contains("export DASHSCOPE_API_KEY=sk-...");
		assertThat(run.err.indexOf("ZHIPUAI_API_KEY")).isLessThan(run.err.indexOf("DASHSCOPE_API_KEY"));
	}

	/** Where the protocol puts the sampling parameters, such as reasoning_effort. */
	private static JsonNode parameters(RecordedGlmRequest request) {
		return (request.protocol() == GlmProtocol.DASHSCOPE) ? request.json().path("parameters") : request.json();
	}

	/** The thinking switch as sent: "true", "false", or "" when not sent. */
	private static String thinking(RecordedGlmRequest request) {
		if (request.protocol() == GlmProtocol.ZHIPU) {
			String type = request.json().path("thinking").path("type").asString("");
			return type.isEmpty() ? "" : String.valueOf("enabled".equals(type));
		}
		JsonNode enable = parameters(request).path("enable_thinking");
		return enable.isBoolean() ? enable.asString() : "";
	}

	private static RecordedGlmRequest single(List<RecordedGlmRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static Run run(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--spring.profiles.active=offline";
		all[1] = "--glm.offline.chunk-delay=1ms";
		System.arraycopy(args, 0, all, 2, args.length);
		return runWith(all);
	}

	private static Run runWith(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ConfigurableApplicationContext context = GlmChatConsoleApplication
			.application(new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8))
			.run(args);
		FakeGlmService service = context.getBeanProvider(FakeGlmService.class).getIfAvailable();
		List<RecordedGlmRequest> requests = (service != null) ? service.requests() : List.of();
		int exitCode = SpringApplication.exit(context);
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), requests);
	}

	private record Run(int exitCode, String out, String err, List<RecordedGlmRequest> requests) {
	}

}
