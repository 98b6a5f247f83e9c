import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PasswordDialog from '../src/components/PasswordDialog.vue';
import { useUi } from '../src/stores/ui.js';
import { fakeFetch } from './helpers.js';

describe('PasswordDialog', () => {
  afterEach(() => { vi.unstubAllGlobals(); document.body.innerHTML = ''; });

  async function fill(wrapper, current, next, repeat) {
    const inputs = wrapper.findAll('input[type=password]');
    await inputs[0].setValue(current);
    await inputs[1].setValue(next);
    await inputs[2].setValue(repeat);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
  }

  it('refuses a repeat that does not match without asking the server', async () => {
    setActivePinia(createPinia());
    document.cookie = 'XSRF-TOKEN=t';
    const fetch = fakeFetch({});
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(PasswordDialog, { attachTo: document.body });
    await fill(wrapper, 'old-password-1', 'new-password-1', 'new-password-2');
    expect(fetch.calls).toHaveLength(0);
    expect(wrapper.text()).toContain('does not match the new password');
  });

  it('shows the API error by the current password, and closes with a notice on success', async () => {
    setActivePinia(createPinia());
    document.cookie = 'XSRF-TOKEN=t';
    let answer = [400, { title: 'Bad Request', status: 400, detail: 'invalid', errors: [{ field: 'currentPassword', message: 'is not correct' }] }, 'application/problem+json'];
    const fetch = fakeFetch({ 'PUT /api/me/password': () => answer });
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(PasswordDialog, { attachTo: document.body });
    await fill(wrapper, 'wrong', 'new-password-1', 'new-password-1');
    const current = wrapper.findAll('input[type=password]')[0];
    expect(current.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${current.attributes('id')}-error`).text()).toBe('is not correct');
    expect(JSON.parse(fetch.calls[0].body)).toEqual({ currentPassword: 'wrong', newPassword: 'new-password-1' });

    answer = [204, null];
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('close')).toHaveLength(1);
    expect(useUi().toasts[0].message).toMatch(/^Password changed\./);
  });
});
