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

import java.util.EnumMap;
import java.util.Map;

import io.github.glmspringai.chat.GlmProtocol;

import org.springframework.util.Assert;

/**
 * An error the fake service answers with, in the status, code and message each protocol
 * really uses for it (reference {@code bailian-api.md} §3.3, §4.3, §5 and
 * {@code zhipu-api.md} §6). Use it with {@link Turn#error(ServiceError)} for an HTTP
 * error before the stream, or with {@link Turn.Builder#errorAfter(int, ServiceError)} for
 * an error event inside the stream.
 *
 * @author glm-spring-ai
 */
public final class ServiceError {

	/** HTTP 401: the key was rejected. */
	public static final ServiceError INVALID_API_KEY = new ServiceError("INVALID_API_KEY",
			new Reply(401, "invalid_api_key", "invalid_request_error", "Incorrect API key provided."),
			new Reply(401, "InvalidApiKey", "", "Invalid API-key provided."),
			new Reply(401, "1002", "", "Authorization Token非法，请确认Authorization Token正确传递。"));

	/** HTTP 429: too many requests (Bailian's rate limit, Zhipu's concurrency limit). */
	public static final ServiceError THROTTLED = new ServiceError("THROTTLED",
			new Reply(429, "limit_requests", "limit_requests", "You exceeded your current requests list."),
			new Reply(429, "Throttling.RateQuota", "", "Requests rate limit exceeded, please try again later."),
			new Reply(429, "1302", "", "您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。"));

	/**
	 * The account is in arrears (HTTP 400 on Bailian, HTTP 429 with code 1113 on Zhipu).
	 */
	public static final ServiceError ARREARS = new ServiceError("ARREARS",
			new Reply(400, "Arrearage", "Arrearage",
					"Access denied, please make sure your account is in good standing."),
			new Reply(400, "Arrearage", "", "Access denied, please make sure your account is in good standing."),
			new Reply(429, "1113", "", "余额不足或无可用资源包,请充值。"));

	/** HTTP 400: the content safety check rejected the input or output. */
	public static final ServiceError CONTENT_FILTERED = new ServiceError("CONTENT_FILTERED",
			new Reply(400, "data_inspection_failed", "data_inspection_failed",
					"Input data may contain inappropriate content."),
			new Reply(400, "DataInspectionFailed", "", "Input or output data may contain inappropriate content."),
			new Reply(400, "1301", "", "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"));

	/**
	 * The model does not exist (HTTP 404 on Bailian, HTTP 400 with code 1211 on Zhipu).
	 */
	public static final ServiceError MODEL_NOT_FOUND = new ServiceError("MODEL_NOT_FOUND",
			new Reply(404, "model_not_found", "invalid_request_error",
					"The model does not exist or you do not have access to it."),
			new Reply(404, "ModelNotFound", "", "Model can not be found."),
			new Reply(400, "1211", "", "模型不存在，请检查模型代码。"));

	/** HTTP 400: a parameter is missing or invalid. */
	public static final ServiceError INVALID_PARAMETER = new ServiceError("INVALID_PARAMETER",
			new Reply(400, "invalid_parameter_error", "invalid_request_error",
					"Required parameter(s) missing or invalid, please check the request parameters."),
			new Reply(400, "InvalidParameter", "",
					"Required parameter(s) missing or invalid, please check the request parameters."),
			new Reply(400, "1210", "", "API 调用参数有误，请检查文档。"));

	/** HTTP 500: an internal error of the service. */
	public static final ServiceError INTERNAL_ERROR = new ServiceError("INTERNAL_ERROR",
			new Reply(500, "internal_error", "internal_error",
					"An internal error has occured, please try again later or contact service support."),
			new Reply(500, "InternalError", "",
					"An internal error has occured, please try again later or contact service support."),
			new Reply(500, "500", "", "内部错误"));

	private final String name;

	private final Map<Wire, Reply> replies = new EnumMap<>(Wire.class);

	private ServiceError(String name, Reply compatible, Reply dashscope, Reply zhipu) {
		this.name = name;
		this.replies.put(Wire.OPENAI_COMPATIBLE, compatible);
		this.replies.put(Wire.DASHSCOPE, dashscope);
		this.replies.put(Wire.ZHIPU, zhipu);
	}

	/**
	 * An error with the same status, code and message on every protocol.
	 * @param status the HTTP status, in [400, 599]
	 * @param code the service error code
	 * @param message the service message
	 * @return the error
	 */
	public static ServiceError of(int status, String code, String message) {
		Assert.isTrue(status >= 400 && status <= 599, () -> "status must be in [400, 599] but was " + status);
		Assert.hasText(code, "code must not be empty");
		Assert.notNull(message, "message must not be null");
		String type = (status == 429 || status >= 500) ? code : "invalid_request_error";
		Reply reply = new Reply(status, code, "", message);
		return new ServiceError(code, new Reply(status, code, type, message), reply, reply);
	}

	/**
	 * The HTTP status this error has on a protocol.
	 * @param protocol the protocol
	 * @return the status
	 */
	public int status(GlmProtocol protocol) {
		return reply(Wire.of(protocol)).status();
	}

	/**
	 * The service error code this error has on a protocol.
	 * @param protocol the protocol
	 * @return the code, e.g. {@code Throttling.RateQuota}
	 */
	public String code(GlmProtocol protocol) {
		return reply(Wire.of(protocol)).code();
	}

	/**
	 * The service message this error has on a protocol.
	 * @param protocol the protocol
	 * @return the message
	 */
	public String message(GlmProtocol protocol) {
		return reply(Wire.of(protocol)).message();
	}

	Reply reply(Wire wire) {
		Reply reply = this.replies.get(wire);
		if (reply == null) {
			throw new IllegalStateException("no reply of " + this + " for " + wire);
		}
		return reply;
	}

	@Override
	public String toString() {
		return "ServiceError{" + this.name + '}';
	}

	/**
	 * An error as one protocol writes it.
	 *
	 * @param status the HTTP status
	 * @param code the error code
	 * @param type the compatible mode's {@code error.type} (empty for the others)
	 * @param message the message
	 */
	record Reply(int status, String code, String type, String message) {

	}

}
