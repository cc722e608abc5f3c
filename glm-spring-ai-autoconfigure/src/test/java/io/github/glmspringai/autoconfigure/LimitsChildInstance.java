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

import io.github.glmspringai.chat.GlmChatModel;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * An application instance in its own JVM, started by {@link GlmLimitsRedisTests} and
 * killed there mid-stream: it opens one stream through the Redis-held limits and never
 * ends. The arguments are Spring Boot properties.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ GlmChatAutoConfiguration.class, GlmLimitsAutoConfiguration.class,
		DataRedisAutoConfiguration.class, ToolCallingAutoConfiguration.class, SpringAiRetryAutoConfiguration.class,
		WebClientAutoConfiguration.class })
public class LimitsChildInstance {

	public static void main(String[] args) throws InterruptedException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LimitsChildInstance.class)
			.web(WebApplicationType.NONE)
			.run(args);
		context.getBean(GlmChatModel.class).stream(new Prompt("from the instance that dies")).subscribe();
		Thread.currentThread().join();
	}

}
