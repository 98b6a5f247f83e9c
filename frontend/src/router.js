import { createRouter, createWebHistory } from 'vue-router';
import { useAuth } from './stores/auth.js';
import SignIn from './pages/SignIn.vue';
import Dashboard from './pages/Dashboard.vue';

// Every page but sign-in and the dashboard is its own chunk, loaded when first visited.
// meta.tenant: acts on a tenant (a platform admin must pick one); meta.platform: platform admins only.
const routes = [
  { path: '/sign-in', name: 'sign-in', component: SignIn, meta: { public: true, title: 'Sign in' } },
  { path: '/', name: 'dashboard', component: Dashboard, meta: { tenant: true, title: 'Dashboard' } },
  { path: '/packages', component: () => import('./pages/Packages.vue'), meta: { tenant: true, title: 'Packages' } },
  { path: '/subscribers', component: () => import('./pages/Subscribers.vue'), meta: { tenant: true, title: 'Subscribers' } },
  { path: '/subscribers/:id', component: () => import('./pages/SubscriberDetail.vue'), props: true, meta: { tenant: true, title: 'Subscriber' } },
  { path: '/vouchers', component: () => import('./pages/Vouchers.vue'), meta: { tenant: true, title: 'Vouchers' } },
  { path: '/vouchers/:id', component: () => import('./pages/VoucherBatch.vue'), props: true, meta: { tenant: true, title: 'Voucher batch' } },
  { path: '/sessions', component: () => import('./pages/Sessions.vue'), meta: { tenant: true, title: 'Sessions' } },
  { path: '/nas', component: () => import('./pages/Nas.vue'), meta: { tenant: true, title: 'Routers (NAS)' } },
  { path: '/payments', component: () => import('./pages/Payments.vue'), meta: { tenant: true, title: 'Payments' } },
  { path: '/payments/:id', component: () => import('./pages/PaymentDetail.vue'), props: true, meta: { tenant: true, title: 'Payment' } },
  { path: '/water', redirect: '/water/dispensers' },
  { path: '/water/dispensers', component: () => import('./pages/water/Dispensers.vue'), meta: { tenant: true, title: 'Water dispensers' } },
  { path: '/water/customers', component: () => import('./pages/water/Customers.vue'), meta: { tenant: true, title: 'Water customers' } },
  { path: '/water/customers/:id', component: () => import('./pages/water/CustomerStatement.vue'), props: true, meta: { tenant: true, title: 'Water customer' } },
  { path: '/water/tokens', component: () => import('./pages/water/Tokens.vue'), meta: { tenant: true, title: 'Water tokens' } },
  { path: '/water/transactions', component: () => import('./pages/water/Transactions.vue'), meta: { tenant: true, title: 'Water transactions' } },
  { path: '/reports', component: () => import('./pages/Reports.vue'), meta: { tenant: true, title: 'Reports' } },
  { path: '/staff', component: () => import('./pages/Staff.vue'), meta: { tenant: true, title: 'Staff' } },
  { path: '/settings', component: () => import('./pages/Settings.vue'), meta: { tenant: true, title: 'Settings' } },
  { path: '/platform', redirect: '/platform/tenants' },
  { path: '/platform/tenants', component: () => import('./pages/platform/Tenants.vue'), meta: { platform: true, title: 'Tenants' } },
  { path: '/platform/tenants/:id', component: () => import('./pages/platform/TenantDetail.vue'), props: true, meta: { platform: true, title: 'Tenant' } },
  { path: '/platform/jobs', component: () => import('./pages/platform/Jobs.vue'), meta: { platform: true, title: 'Jobs' } },
  { path: '/platform/partitions', component: () => import('./pages/platform/Partitions.vue'), meta: { platform: true, title: 'Partitions' } },
  { path: '/platform/health', component: () => import('./pages/platform/Health.vue'), meta: { platform: true, title: 'System health' } },
  { path: '/:rest(.*)*', component: () => import('./pages/NotFound.vue'), meta: { title: 'Not found' } },
];

export function createAppRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) });
  router.beforeEach(async (to) => {
    const auth = useAuth();
    if (!auth.checked) {
      try { await auth.load(); } catch { /* offline or server down: treated as signed out below */ }
    }
    if (to.meta.public) return auth.signedIn && to.name === 'sign-in' ? homeOf(auth) : true;
    if (!auth.signedIn) return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
    if (to.meta.platform && !auth.isPlatformAdmin) return { path: '/not-allowed', replace: true };
    if (to.meta.tenant && !auth.hasTenant) return auth.isPlatformAdmin ? '/platform/tenants' : true;
    return true;
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · WifiCore` : 'WifiCore';
  });
  return router;
}

export function homeOf(auth) {
  return auth.hasTenant || !auth.isPlatformAdmin ? '/' : '/platform/tenants';
}
