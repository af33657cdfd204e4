import { type Dictionary, fill, useI18n } from '../../shared/i18n.tsx';

/**
 * The words of the 消息 and 通知设置 screens: loaded with them, not with the shell (so not in
 * ../dictionary.ts), in the dictionary's shape and filled the same way. No label is spelled both
 * here and there: the inbox's title is the tab's (`tab.updates`), roles come from the domain.
 */
const WORDS = {
  'inbox.empty': { zh: '暂无消息', en: 'No notifications yet' },
  'inbox.markAll': { zh: '全部标为已读', en: 'Mark all read' },
  'inbox.unreadCount': { zh: '{n} 条未读', en: '{n} unread' },
  'inbox.unread': { zh: '未读', en: 'Unread' },
  'inbox.urgent': { zh: '紧急', en: 'Urgent' },
  'inbox.more': { zh: '加载更多', en: 'Load more' },
  'inbox.cached': {
    zh: '无法连接服务器，显示的是 {time} 保存的消息',
    en: 'Cannot reach the server: showing what was saved {time}',
  },
  'inbox.loadFailed': { zh: '消息加载失败：{e}', en: 'Could not load notifications: {e}' },
  'push.prompt': {
    zh: '开启推送通知，案件和建议有进展时及时提醒您。',
    en: 'Turn on push to hear at once when your cases and suggestions move.',
  },
  'push.enable': { zh: '开启推送通知', en: 'Turn on push notifications' },
  'push.later': { zh: '以后再说', en: 'Not now' },
  'push.on': { zh: '推送通知已开启', en: 'Push notifications are on' },
  'push.off': { zh: '推送通知已关闭', en: 'Push notifications are off' },
  'push.hint': {
    zh: '在本手机上接收推送；退出登录时自动关闭。',
    en: 'Pushes to this phone; turned off when you sign out.',
  },
  'push.unsupported': {
    zh: '此浏览器不支持推送通知（可先将应用添加到主屏幕再试）。',
    en: 'This browser cannot receive push (try after adding the app to the home screen).',
  },
  'push.denied': {
    zh: '浏览器已禁止本站的通知，请在浏览器设置中允许后再开启。',
    en: 'The browser blocks notifications for this site: allow them in its settings first.',
  },
  'push.dismissed': {
    zh: '未授予通知权限，推送未开启。',
    en: 'Notification permission was not given: push stays off.',
  },
  'push.notConfigured': {
    zh: '系统尚未配置推送服务。',
    en: 'Push is not configured for this deployment.',
  },
  'settings.title': { zh: '通知设置', en: 'Notification settings' },
  'settings.device': { zh: '本设备', en: 'This device' },
  'settings.channels': { zh: '通知方式', en: 'Channels' },
  'settings.inApp': { zh: '应用内消息（始终开启）', en: 'In the app (always on)' },
  'settings.channel.push': { zh: '推送通知（所有设备）', en: 'Push (all your devices)' },
  'settings.channel.email': { zh: '邮件', en: 'Email' },
  'settings.channel.sms': { zh: '短信', en: 'SMS' },
  'settings.noEmail': {
    zh: '未登记邮箱，请联系管理员',
    en: 'No email address on file: ask an administrator',
  },
  'settings.noPhone': {
    zh: '未登记手机号，请联系管理员',
    en: 'No phone number on file: ask an administrator',
  },
  'settings.unavailable': { zh: '本系统未开通', en: 'Not offered by this deployment' },
  'settings.quiet': { zh: '免打扰时段', en: 'Quiet hours' },
  'settings.quietOn': { zh: '开启免打扰', en: 'Quiet hours on' },
  'settings.quietStart': { zh: '开始时间', en: 'From' },
  'settings.quietEnd': { zh: '结束时间', en: 'Until' },
  'settings.quietHint': {
    zh: '免打扰期间的通知在时段结束后送达（可跨午夜，如 22:00 至 07:00）；督办升级等紧急通知照常送达。',
    en: 'Held until the quiet hours end (they may span midnight, e.g. 22:00–07:00); escalations still come at once.',
  },
  'settings.quietFormat': { zh: '请按 HH:MM 填写，例如 22:00', en: 'Use HH:MM, e.g. 22:00' },
  'settings.quietSame': { zh: '开始与结束时间不能相同', en: 'Start and end must differ' },
  'settings.save': { zh: '保存设置', en: 'Save' },
  'settings.saved': { zh: '设置已保存', en: 'Saved' },
  'settings.conflict': {
    zh: '设置已在其他设备上修改，已重新载入最新设置。请确认后再次保存。',
    en: 'These settings were changed on another device and have been reloaded. Check them and save again.',
  },
  'settings.offline': {
    zh: '离线时无法保存设置，请联网后重试。',
    en: 'Settings cannot be saved offline: try again with a network.',
  },
} as const satisfies Dictionary;

export type Word = keyof typeof WORDS;

export const useWords = () => {
  const { lang } = useI18n();
  return (word: Word, vars: Record<string, string | number> = {}) => fill(WORDS[word][lang], vars);
};
