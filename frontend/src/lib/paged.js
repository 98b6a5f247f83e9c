import { reactive, watch } from 'vue';
import { api } from '../api/client.js';

/**
 * A paginated, searchable list over an endpoint answering {items, page, size, hasMore}.
 * `filters` is a reactive object of extra query parameters (q, status, …); changing one goes
 * back to page 0. Errors are kept (not thrown) so the page can show them in place.
 */
export function usePagedList(path, { size = 25, filters = reactive({}), immediate = true, debounceMs = 300 } = {}) {
  const list = reactive({ items: [], page: 0, size, hasMore: false, loading: false, error: null, loaded: false, filters });
  let seq = 0;
  let timer = null;

  async function load() {
    const mine = ++seq;
    list.loading = true;
    list.error = null;
    try {
      const target = typeof path === 'function' ? path() : path;
      const answer = await api.get(target, { ...list.filters, page: list.page, size: list.size });
      if (mine !== seq) return;
      const items = Array.isArray(answer) ? answer : answer.items ?? [];
      list.items = items;
      list.hasMore = Array.isArray(answer) ? false : !!answer.hasMore;
    } catch (e) {
      if (mine !== seq) return;
      list.error = e;
      list.items = [];
      list.hasMore = false;
    } finally {
      if (mine === seq) {
        list.loading = false;
        list.loaded = true;
      }
    }
  }

  list.load = load;
  list.next = () => { if (list.hasMore) { list.page++; load(); } };
  list.prev = () => { if (list.page > 0) { list.page--; load(); } };
  list.reload = () => load();
  /** Puts an item first (a live event) without a round trip, keeping the page size. */
  list.prepend = (item, key = 'id') => {
    if (list.page !== 0) return;
    list.items = [item, ...list.items.filter((i) => i[key] !== item[key])].slice(0, list.size);
  };

  watch(() => ({ ...list.filters }), () => {
    clearTimeout(timer);
    timer = setTimeout(() => { list.page = 0; load(); }, debounceMs);
  });

  if (immediate) load();
  return list;
}
