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

package io.github.glmspringai.chat;

/**
 * Error classes with each protocol's status, code and message (bailian-api.md §5,
 * zhipu-api.md §6). Zhipu classifies by business code, and some of its pairings differ
 * from Bailian's: a missing model is HTTP 400 with 1211, and model overload is HTTP 429
 * with 1305; 1220 (no permission) has no documented status, 403 is assumed.
 */
enum ErrorCase {

	BAD_REQUEST(400, "invalid_parameter_error", "Range of max_tokens should be [1, 16384]", "InvalidParameter",
			"Range of max_tokens should be [1, 16384]", 400, "1214", "max_tokens参数非法：限制数值范围[1,98304]", false),

	UNAUTHORIZED(401, "invalid_api_key", "Incorrect API key provided.", "InvalidApiKey", "Invalid API-key provided.",
			401, "1000", "身份验证失败。", false),

	FORBIDDEN(403, "access_denied", "Access denied.", "AccessDenied", "Access denied.", 403, "1220", "您无权访问该API。",
			false),

	NOT_FOUND(404, "model_not_found", "The model glm-9 does not exist or you do not have access to it.",
			"ModelNotFound", "Model can not be found.", 400, "1211", "模型不存在，请检查模型代码。", false),

	THROTTLED(429, "limit_requests", "You exceeded your current requests list.", "Throttling.RateQuota",
			"Requests rate limit exceeded, please try again later.", 429, "1302", "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。",
			true),

	SERVER_ERROR(500, "internal_error",
			"An internal error has occured, please try again later or contact service support.", "InternalError",
			"An internal error has occured, please try again later or contact service support.", 500, "500", "内部错误",
			true),

	UNAVAILABLE(503, "ModelUnavailable", "Model is unavailable, please try again later.", "ModelUnavailable",
			"Model is unavailable, please try again later.", 429, "1305", "该模型当前访问量过大，请您稍后再试", true);

	private final int status;

	private final String compatibleCode;

	private final String compatibleMessage;

	private final String nativeCode;

	private final String nativeMessage;

	private final int zhipuStatus;

	private final String zhipuCode;

	private final String zhipuMessage;

	final boolean transientFailure;

	ErrorCase(int status, String compatibleCode, String compatibleMessage, String nativeCode, String nativeMessage,
			int zhipuStatus, String zhipuCode, String zhipuMessage, boolean transientFailure) {
		this.status = status;
		this.compatibleCode = compatibleCode;
		this.compatibleMessage = compatibleMessage;
		this.nativeCode = nativeCode;
		this.nativeMessage = nativeMessage;
		this.zhipuStatus = zhipuStatus;
		this.zhipuCode = zhipuCode;
		this.zhipuMessage = zhipuMessage;
		this.transientFailure = transientFailure;
	}

	int status(WireFixture fixture) {
		return (fixture == WireFixture.ZHIPU) ? this.zhipuStatus : this.status;
	}

	String code(WireFixture fixture) {
		return switch (fixture) {
			case OPENAI_COMPATIBLE -> this.compatibleCode;
			case DASHSCOPE -> this.nativeCode;
			case ZHIPU -> this.zhipuCode;
		};
	}

	String message(WireFixture fixture) {
		return switch (fixture) {
			case OPENAI_COMPATIBLE -> this.compatibleMessage;
			case DASHSCOPE -> this.nativeMessage;
			case ZHIPU -> this.zhipuMessage;
		};
	}

}
