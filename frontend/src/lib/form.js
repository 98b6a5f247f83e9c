import { reactive } from 'vue';

/**
 * A form's submission state: busy flag, the API's field errors ({field: message}) and the
 * overall message. submit(fn) runs fn and keeps the ApiError's fields for FormField to show.
 */
export function useForm() {
  const form = reactive({ busy: false, error: null, fields: {}, done: false });
  form.submit = async (fn) => {
    form.busy = true;
    form.error = null;
    form.fields = {};
    form.done = false;
    try {
      const result = await fn();
      form.done = true;
      return result;
    } catch (e) {
      form.fields = e.fields ?? {};
      form.error = e.message || 'Something went wrong.';
      throw e;
    } finally {
      form.busy = false;
    }
  };
  /** The error for a field, also matching nested names (errors for `check[1].value` under `check`). */
  form.errorFor = (name) => form.fields[name] ?? null;
  form.reset = () => { form.error = null; form.fields = {}; form.done = false; };
  return form;
}
