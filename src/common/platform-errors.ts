import { defineErrorReasons } from './error-catalogue.js';

/**
 * The reasons the platform itself sends, whatever the operation: input and its coercion, authentication and
 * access rules, the lifecycles' refusals, the GraphQL and HTTP protocol, the document limits, the service's
 * availability.
 */
export const PlatformErrorReason = defineErrorReasons('platform', {
  INVALID_INPUT: {
    code: 'BAD_USER_INPUT',
    en: 'One or more input fields are not valid; `extensions.fields` names each field and what is wrong with it.',
    zh: '一个或多个输入字段无效；`extensions.fields` 列出每个字段及其问题。',
  },
  INVALID_VARIABLE: {
    code: 'BAD_USER_INPUT',
    en: 'A variable of the operation does not fit its declared type (e.g. an enum value that does not exist or is refused, a missing required value).',
    zh: '操作的某个变量与其声明的类型不符（例如枚举值不存在或不被接受，或缺少必填值）。',
  },
  INVALID_JSON: {
    code: 'BAD_USER_INPUT',
    en: 'A JSON argument is not an accepted JSON value (too deep, too large, or not an object where one is expected).',
    zh: 'JSON 类型的参数不是可接受的 JSON 值（嵌套过深、体积过大，或在需要对象的地方不是对象）。',
  },
  INVALID_MONEY: {
    code: 'BAD_USER_INPUT',
    en: 'An amount of money is not a non-negative whole number of fen within the accepted range.',
    zh: '金额不是允许范围内的非负整数（以分为单位）。',
  },
  INVALID_DATE: {
    code: 'BAD_USER_INPUT',
    en: 'A calendar date is not a real date written YYYY-MM-DD.',
    zh: '日期不是以 YYYY-MM-DD 书写的有效日期。',
  },
  BAD_REQUEST: {
    code: 'BAD_USER_INPUT',
    en: 'The HTTP request is malformed (e.g. no query, a batched array, variables that are not a JSON object).',
    zh: 'HTTP 请求格式不正确（例如缺少 query、批量数组请求，或 variables 不是 JSON 对象）。',
  },
  MALFORMED_JSON: {
    code: 'BAD_USER_INPUT',
    en: 'The request body is not valid JSON.',
    zh: '请求体不是合法的 JSON。',
  },
  CSRF_PREVENTED: {
    code: 'BAD_USER_INPUT',
    en: 'The request lacks CSRF protection: send it with Content-Type application/json or an Apollo preflight header.',
    zh: '请求缺少 CSRF 防护：请使用 Content-Type: application/json 或附带 Apollo 预检请求头发送。',
  },
  METHOD_NOT_ALLOWED: {
    code: 'BAD_USER_INPUT',
    en: 'The HTTP method is not allowed here (a mutation sent over GET, or a method the route does not take).',
    zh: '此处不允许该 HTTP 方法（例如通过 GET 发送变更操作，或该路由不支持此方法）。',
  },
  BODY_TOO_LARGE: {
    code: 'BAD_USER_INPUT',
    en: 'The request body is larger than the limit.',
    zh: '请求体超过大小上限。',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    code: 'BAD_USER_INPUT',
    en: 'The content type is not supported: send application/json.',
    zh: '不支持该内容类型：请发送 application/json。',
  },
  TOO_MANY_TOKENS: {
    code: 'GRAPHQL_PARSE_FAILED',
    en: 'The GraphQL document has more tokens than the limit; nothing was run.',
    zh: 'GraphQL 文档的词法单元数超过上限，未执行任何操作。',
  },
  UNKNOWN_OPERATION: {
    code: 'OPERATION_RESOLUTION_FAILURE',
    en: 'The operationName is not defined in the document, or the document holds several operations and none is named.',
    zh: '文档中没有 operationName 指定的操作，或文档含有多个操作却未指明执行哪一个。',
  },
  COST_OVER_BUDGET: {
    code: 'QUERY_TOO_COMPLEX',
    en: 'The cost of the operation with its variables is over the budget; `extensions.cost` and `extensions.budget` say by how much. Nothing was run.',
    zh: '操作（连同其变量）的开销超出预算；`extensions.cost` 与 `extensions.budget` 给出具体数值。未执行任何操作。',
  },
  NOT_AUTHENTICATED: {
    code: 'UNAUTHENTICATED',
    en: 'Authentication is required: send a valid access token.',
    zh: '需要登录：请提供有效的访问令牌。',
  },
  TOKEN_EXPIRED: {
    code: 'UNAUTHENTICATED',
    en: 'The access token has expired; refresh the session.',
    zh: '访问令牌已过期，请刷新会话。',
  },
  INVALID_TOKEN: {
    code: 'UNAUTHENTICATED',
    en: 'The access token is not valid.',
    zh: '访问令牌无效。',
  },
  SESSION_ENDED: {
    code: 'UNAUTHENTICATED',
    en: 'The session has ended (signed out, account suspended or refresh token reused); sign in again.',
    zh: '会话已结束（已退出登录、账号被停用或刷新令牌被重复使用），请重新登录。',
  },
  NOT_ALLOWED: {
    code: 'FORBIDDEN',
    en: 'You are not allowed to do this.',
    zh: '您无权执行此操作。',
  },
  ADMIN_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only platform administrators may do this.',
    zh: '仅平台管理员可执行此操作。',
  },
  EXPERT_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only platform experts may do this.',
    zh: '仅平台专家可执行此操作。',
  },
  NO_ACCESS_RULE: {
    code: 'FORBIDDEN',
    en: 'The operation declares no access rule, so it is refused to everyone.',
    zh: '该操作未声明访问规则，因此拒绝所有人访问。',
  },
  TRANSITION_NOT_ALLOWED: {
    code: 'FORBIDDEN',
    en: 'Your role may not make this status change.',
    zh: '您的角色无权进行此状态变更。',
  },
  INVALID_TRANSITION: {
    code: 'CONFLICT',
    en: 'The status change is not possible from the current status.',
    zh: '当前状态下无法进行此状态变更。',
  },
  ROUTE_NOT_FOUND: {
    code: 'NOT_FOUND',
    en: 'No such HTTP route.',
    zh: '不存在该 HTTP 路由。',
  },
  TOO_MANY_REQUESTS: {
    code: 'RATE_LIMITED',
    en: 'Too many requests; try again after `Retry-After` seconds.',
    zh: '请求过于频繁，请在 `Retry-After` 秒后重试。',
  },
  DATABASE_UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    en: 'The database is unreachable or did not answer in time; try again after `Retry-After` seconds.',
    zh: '数据库无法连接或未及时响应，请在 `Retry-After` 秒后重试。',
  },
  OVERLOADED: {
    code: 'SERVICE_UNAVAILABLE',
    en: 'The instance is handling as many requests as it can; try again shortly.',
    zh: '服务实例已满负荷，请稍后重试。',
  },
  SHUTTING_DOWN: {
    code: 'SERVICE_UNAVAILABLE',
    en: 'The instance is shutting down; try again shortly (another instance will answer).',
    zh: '服务实例正在关闭，请稍后重试（将由其他实例响应）。',
  },
  UNAVAILABLE: {
    code: 'SERVICE_UNAVAILABLE',
    en: 'The service is temporarily unavailable; try again shortly.',
    zh: '服务暂时不可用，请稍后重试。',
  },
  INTERNAL: {
    code: 'INTERNAL_SERVER_ERROR',
    en: 'An unexpected server error outside GraphQL; report the request id.',
    zh: 'GraphQL 之外发生了意外的服务器错误；请提供请求 ID 以便排查。',
  },
});

type PlatformReasons = (typeof PlatformErrorReason)['reasons'];
declare module './error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends PlatformReasons {}
}
