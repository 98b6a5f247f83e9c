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
  // the fields the form shows (each FormField asks errorFor while the form renders): FormError then repeats only
  // the errors no field shows, instead of the API's whole "name: …; price: …" line. Not reactive on purpose.
  const shown = new Set();
  /** The error for a field, also matching nested names (errors for `check[1].value` under `check`). */
  form.errorFor = (name) => { shown.add(name); return form.fields[name] ?? null; };
  /** The field errors no field of the form shows, as "field: message" lines. */
  form.unshownErrors = () => Object.entries(form.fields).filter(([name]) => !shown.has(name))
    .map(([name, message]) => `${name}: ${message}`);
  form.reset = () => { form.error = null; form.fields = {}; form.done = false; };
  return form;
}
