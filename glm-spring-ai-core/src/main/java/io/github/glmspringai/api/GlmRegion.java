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
package io.github.glmspringai.api;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Alibaba Cloud Model Studio (Bailian) regions that serve GLM, and their hosts. With
 * a workspace id, a region's workspace domain {@code https://{WorkspaceId}.{region}
 * .maas.aliyuncs.com} is used (what the 2026 pages recommend; the older domains "remain
 * fully functional"); without one, the region's public domain, where there is one.
 * Sources: the GLM page (≈Jun 2026: Beijing, Virginia, Frankfurt as a workspace domain
 * only), its English and Spanish versions (Sep–Oct 2026: Singapore and Hong Kong
 * workspace domains), the OpenAI-compatible reference (the {@code -intl} and {@code -us}
 * hosts).
 *
 * @author glm-spring-ai
 */
public enum GlmRegion {

	/**
	 * China (Beijing): {@code dashscope.aliyuncs.com}, workspace domains in cn-beijing.
	 */
	CN_BEIJING("cn-beijing", "https://dashscope.aliyuncs.com", "cn-beijing"),

	/**
	 * Singapore (international): {@code dashscope-intl.aliyuncs.com}, workspace domains
	 * in ap-southeast-1.
	 */
	AP_SINGAPORE("ap-singapore", "https://dashscope-intl.aliyuncs.com", "ap-southeast-1"),

	/**
	 * US (Virginia): {@code dashscope-us.aliyuncs.com}, workspace domains in us-east-1.
	 */
	US_VIRGINIA("us-virginia", "https://dashscope-us.aliyuncs.com", "us-east-1"),

	/** Germany (Frankfurt): workspace domains in eu-central-1 only. */
	EU_FRANKFURT("eu-frankfurt", null, "eu-central-1"),

	/**
	 * China (Hong Kong): workspace domains in cn-hongkong (the newest page lists only
	 * those; an older reference also showed {@code cn-hongkong.dashscope.aliyuncs.com}
	 * for the compatible protocol, which can still be set as the base URL).
	 */
	CN_HONGKONG("cn-hongkong", null, "cn-hongkong");

	private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	private final String value;

	private final @Nullable String publicBaseUrl;

	private final String workspaceRegion;

	GlmRegion(String value, @Nullable String publicBaseUrl, String workspaceRegion) {
		this.value = value;
		this.publicBaseUrl = publicBaseUrl;
		this.workspaceRegion = workspaceRegion;
	}

	/**
	 * The configuration value, e.g. {@code cn-beijing}.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * The base URL of this region.
	 * @param workspace the Model Studio workspace id, or {@code null}
	 * @return the workspace domain when a workspace is given, else the public domain
	 * @throws IllegalArgumentException when the region has only workspace domains and no
	 * workspace is given, or the workspace id is not a valid host label
	 */
	public String baseUrl(@Nullable String workspace) {
		if (workspace != null && !workspace.isBlank()) {
			if (!WORKSPACE_ID.matcher(workspace).matches()) {
				throw new IllegalArgumentException("workspace '" + workspace + "' is not a Model Studio workspace id "
						+ "(letters, digits and '-'), so it cannot form the domain of region " + this.value);
			}
			return "https://" + workspace + "." + this.workspaceRegion + ".maas.aliyuncs.com";
		}
		if (this.publicBaseUrl == null) {
			throw new IllegalArgumentException("region " + this.value + " serves GLM only through workspace domains "
					+ "(https://{WorkspaceId}." + this.workspaceRegion + ".maas.aliyuncs.com): set "
					+ "spring.ai.glm.workspace to your Model Studio workspace id, or set spring.ai.glm.base-url");
		}
		return this.publicBaseUrl;
	}

}
