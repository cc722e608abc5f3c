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

package io.github.glmspringai.samples.support;

import org.jspecify.annotations.Nullable;

/**
 * How the sample runs, decided before the application context starts (see
 * {@link SampleSetupInitializer}).
 *
 * @param mode the mode
 * @param offlineServerUrl the base URL of the offline simulation, in {@link Mode#OFFLINE}
 * @author glm-spring-ai
 */
public record SampleSetup(Mode mode, @Nullable String offlineServerUrl) {

	/** Bean name of the setup. */
	public static final String BEAN_NAME = "sampleSetup";

	/** The profile that runs the offline simulation. */
	public static final String OFFLINE_PROFILE = "offline";

	/**
	 * How to get going without a key.
	 * @param sample the sample's module directory, e.g. {@code samples/glm-chat-console}
	 * @return the explanation
	 */
	public static String missingKeyHelp(String sample) {
		return """
				No API key for Alibaba Cloud Model Studio (百炼 / DashScope).

				To talk to the real GLM models, create a key in the Model Studio console
				(https://bailian.console.aliyun.com/?apiKey=1) and export it:

				    export DASHSCOPE_API_KEY=sk-...          (Windows: set DASHSCOPE_API_KEY=sk-...)

				or set the property spring.ai.glm.api-key. Then run the sample again.

				To try the sample without a key or network, start it with the Spring profile
				"offline" (scripted GLM streams served from inside the sample):

				    ./mvnw -q -pl %1$s spring-boot:run -Dspring-boot.run.profiles=offline

				or, with the jar built by ./mvnw package:

				    java -jar %1$s/target/%2$s-0.1.0-SNAPSHOT.jar --spring.profiles.active=offline

				(On a fresh clone, build the modules it needs once first:
				./mvnw -q -pl %1$s -am install -DskipTests)
				""".formatted(sample, sample.substring(sample.lastIndexOf('/') + 1));
	}

	/** How the sample runs. */
	public enum Mode {

		/**
		 * Against a scripted fake GLM server inside the sample (profile {@code offline}).
		 */
		OFFLINE,

		/** Against Model Studio with a configured key. */
		LIVE,

		/** Neither: the sample explains how to set a key or run offline. */
		NO_KEY

	}

}
