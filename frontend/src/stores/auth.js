import { defineStore } from 'pinia';
import { api, request, setActingTenant } from '../api/client.js';

const ACTING_KEY = 'wificore.actingTenant';
const WRITERS = ['tenant_admin', 'operator', 'platform_admin'];

/** Who is signed in (the session cookie), and for a platform admin the tenant they act on. */
export const useAuth = defineStore('auth', {
  state: () => ({
    me: null,
    checked: false,
    actingTenant: null, // {id, slug, name} while a platform admin acts on a tenant
  }),
  getters: {
    signedIn: (s) => !!s.me,
    roles: (s) => s.me?.roles ?? [],
    isPlatformAdmin() {
      return this.roles.includes('platform_admin');
    },
    canWrite() {
      return this.roles.some((r) => WRITERS.includes(r));
    },
    isAdmin() {
      return this.roles.includes('tenant_admin') || this.roles.includes('platform_admin');
    },
    /** The tenant the pages act on: the staff's own, or the one a platform admin picked. */
    tenantId(s) {
      return s.me?.tenantId ?? s.actingTenant?.id ?? null;
    },
    hasTenant() {
      return !!this.tenantId;
    },
  },
  actions: {
    async load() {
      try {
        this.me = await api.get('/api/me');
        if (this.isPlatformAdmin) this.restoreActing();
      } catch (e) {
        if (e.status !== 401) throw e;
        this.me = null;
      } finally {
        this.checked = true;
      }
      return this.me;
    },
    async signIn(email, password) {
      await request('GET', '/api/auth/csrf'); // sets the XSRF-TOKEN cookie the sign-in needs
      this.me = await api.post('/api/auth/session', { email, password });
      this.checked = true;
      this.actAs(null);
      return this.me;
    },
    async signOut() {
      try {
        await api.del('/api/auth/session');
      } finally {
        this.forget();
      }
    },
    /** The session ended elsewhere (401): drop what we know. */
    forget() {
      this.me = null;
      this.actAs(null);
    },
    actAs(tenant) {
      this.actingTenant = tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : null;
      setActingTenant(this.actingTenant?.id ?? null);
      try {
        if (this.actingTenant) sessionStorage.setItem(ACTING_KEY, JSON.stringify(this.actingTenant));
        else sessionStorage.removeItem(ACTING_KEY);
      } catch { /* storage unavailable: acting lasts for this page only */ }
    },
    restoreActing() {
      try {
        const saved = JSON.parse(sessionStorage.getItem(ACTING_KEY) || 'null');
        if (saved?.id) this.actAs(saved);
      } catch { /* ignore a corrupt entry */ }
    },
  },
});
