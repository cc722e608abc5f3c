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

package io.github.glmspringai.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.RecordedGlmRequest;
import io.github.glmspringai.test.Turn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.moderation.ModerationModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GLM next to another Spring AI provider: a real application with every
 * auto-configuration on the test classpath, which holds both this starter and Spring AI's
 * {@code spring-ai-starter-model-openai}. The OpenAI models talk to the same fake service
 * (its OpenAI-compatible endpoint), so the tests tell from the recorded requests which
 * model answered.
 *
 * @author glm-spring-ai
 */
class GlmNextToOpenAiTests {

	private static final String[] OTHER_OPENAI_MODELS_OFF = { "--spring.ai.model.embedding=none",
			"--spring.ai.model.image=none", "--spring.ai.model.audio.speech=none",
			"--spring.ai.model.audio.transcription=none", "--spring.ai.model.moderation=none" };

	private final FakeGlmService glm = FakeGlmService.start();

	@BeforeEach
	void answerEveryRequest() {
		this.glm.enqueue(Turn.answer("from ", "the fake"), Turn.answer("from ", "the fake"),
				Turn.answer("from ", "the fake"));
	}

	@AfterEach
	void stop() {
		this.glm.close();
	}

	@Test
	void chatModelGlmAndTheOtherSwitchesLeaveOnlyGlmWithoutAnOpenAiKey() {
		try (ConfigurableApplicationContext context = run(OneChatClient.class,
				concat(glmProperties(), OTHER_OPENAI_MODELS_OFF, "--spring.ai.model.chat=glm"))) {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("glmChatModel");
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(GlmChatModel.class);
			assertThat(context.getBeansOfType(EmbeddingModel.class)).isEmpty();
			assertThat(context.getBeansOfType(ImageModel.class)).isEmpty();
			assertThat(context.getBeansOfType(TextToSpeechModel.class)).isEmpty();
			assertThat(context.getBeansOfType(TranscriptionModel.class)).isEmpty();
			assertThat(context.getBeansOfType(ModerationModel.class)).isEmpty();

			String answer = context.getBean(ChatClient.class).prompt("hi").call().content();

			assertThat(answer).isEqualTo("from the fake");
			RecordedGlmRequest request = this.glm.takeRequest();
			assertThat(request.json().path("model").asString()).isEqualTo("glm-5");
			assertThat(request.json().path("stream").asBoolean()).isTrue();
		}
	}

	@Test
	void chatModelGlmAloneKeepsTheOtherOpenAiModels() {
		try (ConfigurableApplicationContext context = run(OneChatClient.class, concat(glmProperties(), new String[0],
				"--spring.ai.model.chat=glm", "--spring.ai.openai.api-key=sk-openai-test"))) {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("glmChatModel");
			assertThat(context.getBeansOfType(EmbeddingModel.class)).hasSize(1);
			assertThat(context.getBeansOfType(ImageModel.class)).hasSize(1);
			assertThat(context.getBeansOfType(TextToSpeechModel.class)).hasSize(1);
			assertThat(context.getBeansOfType(TranscriptionModel.class)).hasSize(1);
			assertThat(context.getBeansOfType(ModerationModel.class)).hasSize(1);
		}
	}

	@Test
	void twoChatModelsServeTwoChatClients() {
		String[] openAi = { "--spring.ai.openai.api-key=" + this.glm.apiKey(),
				"--spring.ai.openai.base-url=" + this.glm.baseUrl() + "/compatible-mode/v1",
				"--spring.ai.openai.chat.model=glm-4.5" };
		try (ConfigurableApplicationContext context = run(TwoChatClients.class,
				concat(glmProperties(), OTHER_OPENAI_MODELS_OFF, openAi))) {
			assertThat(context.getBeansOfType(ChatModel.class)).containsOnlyKeys("glmChatModel", "openAiChatModel");
			assertThatException().isThrownBy(() -> context.getBean(ChatClient.Builder.class))
				.havingRootCause()
				.isInstanceOf(NoUniqueBeanDefinitionException.class)
				.withMessageContaining("expected single matching bean but found 2: glmChatModel,openAiChatModel");

			String fromGlm = String.join("",
					context.getBean("glmChatClient", ChatClient.class)
						.prompt("hi")
						.stream()
						.content()
						.collectList()
						.block());
			String fromOpenAi = String.join("",
					context.getBean("openAiChatClient", ChatClient.class)
						.prompt("hi")
						.stream()
						.content()
						.collectList()
						.block());

			assertThat(fromGlm).isEqualTo("from the fake");
			assertThat(fromOpenAi).isEqualTo("from the fake");
			RecordedGlmRequest glmRequest = this.glm.takeRequest();
			RecordedGlmRequest openAiRequest = this.glm.takeRequest();
			assertThat(glmRequest.json().path("model").asString()).isEqualTo("glm-5");
			assertThat(openAiRequest.json().path("model").asString()).isEqualTo("glm-4.5");
			assertThat(openAiRequest.json().path("stream").asBoolean()).isTrue();

			// GLM's call() streams; the OpenAI module's call() sends a request without
			// "stream"
			assertThat(context.getBean("glmChatClient", ChatClient.class).prompt("hi").call().content())
				.isEqualTo("from the fake");
			assertThat(this.glm.takeRequest().json().path("stream").asBoolean()).isTrue();
			assertThatException()
				.isThrownBy(() -> context.getBean("openAiChatClient", ChatClient.class).prompt("hi").call().content());
			assertThat(this.glm.takeRequest().json().has("stream")).isFalse();
		}
	}

	@ParameterizedTest
	@CsvSource({ "embedding, OpenAiEmbeddingModel", "image, OpenAiImageModel", "audio.speech, OpenAiAudioSpeechModel",
			"audio.transcription, OpenAiAudioTranscriptionModel", "moderation, OpenAiModerationModel" })
	void eachOtherOpenAiModelLeftOnNeedsAnOpenAiKey(String switchLeftOn, String model) {
		assumeTrue(System.getenv("OPENAI_API_KEY") == null, "OPENAI_API_KEY is set in this environment");
		List<String> switches = new ArrayList<>(List.of(OTHER_OPENAI_MODELS_OFF));
		assertThat(switches.remove("--spring.ai.model." + switchLeftOn + "=none")).isTrue();
		String[] arguments = concat(glmProperties(), switches.toArray(String[]::new), "--spring.ai.model.chat=glm");

		assertThatException().isThrownBy(() -> run(OneChatClient.class, arguments).close())
			.isInstanceOf(BeanCreationException.class)
			.withMessageContaining("org.springframework.ai.openai." + model)
			.withMessageContaining("At least one credential source must be specified");
	}

	private String[] glmProperties() {
		List<String> arguments = new ArrayList<>();
		this.glm.springProperties(GlmProtocol.OPENAI_COMPATIBLE)
			.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--spring.ai.glm.chat.model=glm-5");
		return arguments.toArray(String[]::new);
	}

	private static String[] concat(String[] first, String[] second, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	/**
	 * Starts the application without the test {@code application.yml} (whose
	 * {@code spring.autoconfigure.exclude} keeps the OpenAI starter out of the other
	 * tests), so every auto-configuration on the classpath applies.
	 */
	private static ConfigurableApplicationContext run(Class<?> application, String... arguments) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.run(concat(arguments, new String[0], "--spring.config.name=glm-next-to-openai"));
	}

	/**
	 * An application that builds its one {@link ChatClient} from the auto-configured
	 * {@link ChatClient.Builder}.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class OneChatClient {

		@Bean
		ChatClient chatClient(ChatClient.Builder builder) {
			return builder.build();
		}

	}

	/**
	 * An application with two chat models and one {@link ChatClient} for each.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TwoChatClients {

		@Bean
		ChatClient glmChatClient(GlmChatModel glmChatModel) {
			return ChatClient.create(glmChatModel);
		}

		@Bean
		ChatClient openAiChatClient(OpenAiChatModel openAiChatModel) {
			return ChatClient.builder(openAiChatModel).build();
		}

	}

}
