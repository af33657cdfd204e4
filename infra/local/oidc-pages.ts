/** The query parameters of an authorization request that the sign-in page carries through its form. */
export const AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;
export type AuthorizeParams = Record<(typeof AUTHORIZE_PARAMS)[number], string>;

/** The local issuer's pages: plain HTML, no scripts, zh-CN first, large touch targets. */

const ROLE_LABELS: Readonly<Record<string, string>> = {
  deputy: '人大代表 Deputy',
  handler: '承办人 Handler',
  head: '部门负责人 Head',
  supervisor: '人大工作人员 Supervisor',
  admin: '管理员 Admin',
  // No role: the group of enterprise accounts, which import their own enterprise's data.
  enterprise: '企业账号 Enterprise account',
};

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f7f6;color:#1a1a1a}
main{max-width:480px;margin:0 auto;padding:24px 16px}
h1{font-size:22px;margin:8px 0 4px}p{color:#444;line-height:1.5}
ul{list-style:none;padding:0;margin:16px 0}li{margin:0 0 12px}
button{width:100%;min-height:56px;font-size:17px;text-align:left;padding:10px 16px;border:1px solid #c8d3cd;
border-radius:10px;background:#fff;color:#1a1a1a;cursor:pointer}
button:focus-visible{outline:3px solid #0b6e4f;outline-offset:2px}
.role{display:block;font-size:14px;color:#3d4a44;margin-top:2px}
</style></head><body><main>${body}</main></body></html>`;

export const authorizePage = (
  action: string,
  params: AuthorizeParams,
  users: readonly { username: string; name: string; role: string }[],
): string => {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const buttons = users
    .map(
      (user) =>
        `<li><button type="submit" name="username" value="${escapeHtml(user.username)}">${escapeHtml(user.name)}` +
        `<span class="role">${escapeHtml(ROLE_LABELS[user.role] ?? user.role)} · ${escapeHtml(user.username)}</span></button></li>`,
    )
    .join('');
  return page(
    '青山 · 本地登录',
    `<h1>青山 · 选择演示用户登录</h1>
<p>本地身份提供方：选择一位演示用户即可登录（无需密码）。<br>Local identity provider: pick a demo user to sign in.</p>
<form method="post" action="${escapeHtml(action)}">${hidden}<ul aria-label="演示用户 Demo users">${buttons}</ul></form>`,
  );
};

export const errorPage = (message: string): string =>
  page('登录请求无效', `<h1>登录请求无效</h1><p role="alert">${escapeHtml(message)}</p>`);

export const signedOutPage = (): string =>
  page('已退出', '<h1>已退出登录</h1><p>You are signed out. 关闭此页或返回应用重新登录。</p>');
