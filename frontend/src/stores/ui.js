import { defineStore } from 'pinia';

let nextToast = 1;

/** Connectivity and short notices. */
export const useUi = defineStore('ui', {
  state: () => ({
    online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
    toasts: [],
  }),
  actions: {
    watchConnectivity(target = window) {
      target.addEventListener('online', () => { this.online = true; });
      target.addEventListener('offline', () => { this.online = false; });
    },
    notify(message, kind = 'info', ms = 5000) {
      const id = nextToast++;
      this.toasts.push({ id, message, kind });
      if (ms) setTimeout(() => this.dismiss(id), ms);
      return id;
    },
    dismiss(id) {
      this.toasts = this.toasts.filter((t) => t.id !== id);
    },
  },
});
