import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router.js';
import { onUnauthorized } from './api/client.js';
import { useAuth } from './stores/auth.js';
import { useUi } from './stores/ui.js';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const router = createAppRouter();
app.use(router);

useUi().watchConnectivity();
onUnauthorized(() => {
  const auth = useAuth();
  if (!auth.signedIn) return;
  auth.forget();
  useUi().notify('Your session ended. Please sign in again.', 'error');
  router.push({ name: 'sign-in', query: { next: router.currentRoute.value.fullPath } });
});

app.mount('#app');

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => navigator.serviceWorker.register('/sw.js').catch(() => {}));
}
