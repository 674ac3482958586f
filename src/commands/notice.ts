/**
 * The dialog a ribbon command opens (counts after 检查合规, or why it could not run; see commands.ts). The message comes
 * in the URL fragment as JSON and goes onto the page as text only.
 */
interface Notice {
  title: string;
  message: string;
  detail: string;
}

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function setHidden(node: HTMLElement, hidden: boolean): void {
  node.className = node.className.replace(/(^|\s)is-hidden(?=\s|$)/g, '') + (hidden ? ' is-hidden' : '');
}

export function readNotice(hash: string): Notice {
  const fallback: Notice = { title: '操作没有完成', message: '请打开“安全生产履职检查”面板查看详情。', detail: '' };
  try {
    const parsed = JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))) as Partial<Notice>;
    return {
      title: typeof parsed.title === 'string' ? parsed.title : fallback.title,
      message: typeof parsed.message === 'string' ? parsed.message : fallback.message,
      detail: typeof parsed.detail === 'string' ? parsed.detail : '',
    };
  } catch (_e) {
    return fallback;
  }
}

function render(): void {
  const notice = readNotice(window.location.hash || '');
  byId('notice-title').textContent = notice.title;
  byId('notice-text').textContent = notice.message;
  const detail = byId('notice-detail');
  detail.textContent = notice.detail;
  setHidden(byId('notice-detail-box'), notice.detail === '');
  const toggle = byId('notice-detail-toggle');
  toggle.onclick = () => {
    const open = /(^|\s)is-hidden(\s|$)/.test(detail.className);
    setHidden(detail, !open);
    toggle.textContent = open ? '隐藏技术详情' : '显示技术详情';
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  byId('notice-close').onclick = () => {
    try {
      Office.context.ui.messageParent('close');
    } catch (_e) {
      window.close();
    }
  };
}

render();
if (typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function') Office.onReady(() => undefined);
