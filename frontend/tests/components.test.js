import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import FormField from '../src/components/FormField.vue';
import StateBlock from '../src/components/StateBlock.vue';
import BarChart from '../src/components/BarChart.vue';
import Pager from '../src/components/Pager.vue';
import OfflineBanner from '../src/components/OfflineBanner.vue';
import { useUi } from '../src/stores/ui.js';
import { ApiError } from '../src/api/client.js';
import { useForm } from '../src/lib/form.js';

describe('FormField', () => {
  const field = (props) => mount(FormField, {
    props: { label: 'Name', ...props },
    slots: { default: `<template #default="f"><input :id="f.id" :aria-invalid="f.invalid" :aria-describedby="f.describedBy" /></template>` },
  });

  it('labels its input and ties the API error to it', () => {
    const wrapper = field({ error: 'must not be blank' });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'));
    expect(input.attributes('aria-invalid')).toBe('true');
    const error = wrapper.get(`#${input.attributes('aria-describedby')}`);
    expect(error.text()).toBe('must not be blank');
    expect(error.attributes('role')).toBe('alert');
  });

  it('shows no error when there is none', () => {
    const wrapper = field({ hint: 'Optional' });
    expect(wrapper.find('[role=alert]').exists()).toBe(false);
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('false');
    expect(wrapper.text()).toContain('Optional');
  });
});

describe('useForm', () => {
  it('keeps the field errors of a failed submission and clears them on the next', async () => {
    const form = useForm();
    await form.submit(async () => { throw new ApiError(400, { detail: 'bad', errors: [{ field: 'address', message: 'must be an IP address' }] }); }).catch(() => {});
    expect(form.errorFor('address')).toBe('must be an IP address');
    expect(form.error).toBe('bad');
    expect(form.unshownErrors()).toEqual([]); // a field showed it
    await form.submit(async () => { throw new ApiError(400, { detail: 'x', errors: [{ field: 'secretRef', message: 'is required' }] }); }).catch(() => {});
    expect(form.unshownErrors()).toEqual(['secretRef: is required']); // no field shows it: the banner must
    await form.submit(async () => 'ok');
    expect(form.errorFor('address')).toBeNull();
    expect(form.done).toBe(true);
  });
});

describe('StateBlock', () => {
  it('shows loading, then a designed error with a retry, then empty, then content', async () => {
    const wrapper = mount(StateBlock, { props: { loading: true }, slots: { default: '<p>rows</p>' } });
    expect(wrapper.get('[role=status]').text()).toContain('Loading');
    await wrapper.setProps({ loading: false, error: new ApiError(404, { detail: 'subscriber s1 not found' }) });
    expect(wrapper.text()).toContain('Not found');
    expect(wrapper.text()).toContain('subscriber s1 not found');
    expect(wrapper.find('button').exists()).toBe(false); // asking again cannot find it
    await wrapper.setProps({ error: new ApiError(503, { detail: 'database unavailable' }) });
    expect(wrapper.text()).toContain('Could not load this');
    await wrapper.get('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
    await wrapper.setProps({ error: null, empty: true, emptyText: 'No packages yet.' });
    expect(wrapper.text()).toBe('No packages yet.');
    await wrapper.setProps({ empty: false });
    expect(wrapper.text()).toBe('rows');
  });
});

describe('BarChart', () => {
  it('draws a bar per day scaled to the highest, with a text summary', () => {
    const wrapper = mount(BarChart, { props: { title: 'Revenue', points: [{ label: '05-01', value: 10 }, { label: '05-02', value: 40 }, { label: '05-03', value: 0 }] } });
    const bars = wrapper.findAll('rect');
    expect(bars).toHaveLength(3);
    const heights = bars.map((b) => Number(b.attributes('height')));
    expect(heights[1]).toBeGreaterThan(heights[0]);
    expect(heights[2]).toBe(0);
    expect(wrapper.get('svg').attributes('aria-label')).toContain('total 50');
  });
});

describe('Pager', () => {
  it('disables what cannot be done', async () => {
    const list = { page: 0, hasMore: true, loading: false, next: () => { list.page++; }, prev: () => {} };
    const wrapper = mount(Pager, { props: { list } });
    const [prev, next] = wrapper.findAll('button');
    expect(prev.attributes('disabled')).toBeDefined();
    expect(next.attributes('disabled')).toBeUndefined();
  });
});

describe('OfflineBanner', () => {
  it('appears only while offline', async () => {
    setActivePinia(createPinia());
    const wrapper = mount(OfflineBanner);
    expect(wrapper.find('[data-testid=offline-banner]').exists()).toBe(false);
    useUi().online = false;
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid=offline-banner]').text()).toContain('offline');
  });
});
