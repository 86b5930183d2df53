import { InputError } from '../../nodes/Convirza/helpers/InputError';
import { toUpdateBody } from '../../nodes/Convirza/actions/user/body';

/** Body settings as an operation's Options give them, country code 1. */
const settings = (ignoreEmpty: boolean) => ({ ignoreEmpty, defaultCountryCode: '1' });

describe('toUpdateBody (Update and Update (Partial))', () => {
	it('builds the body from the fields set', () => {
		expect(toUpdateBody({ firstName: ' Jo ', status: 'Inactive' }, settings(true))).toEqual({
			first_name: 'Jo',
			user_status: 'inactive',
		});
	});

	it('Clear Aliases sends null, and refuses to be combined with Aliases', () => {
		expect(toUpdateBody({ clearAliases: true }, settings(true))).toEqual({ aliases: null });
		expect(toUpdateBody({ clearAliases: false, lastName: 'X' }, settings(true))).toEqual({ last_name: 'X' });
		expect(() => toUpdateBody({ clearAliases: true, aliases: 'a' }, settings(true))).toThrow(
			'The "Clear Aliases" parameter cannot be used together with Aliases',
		);
	});

	it('refuses an update with nothing to send, saying why', () => {
		const empty = (ignoreEmpty: boolean) => {
			try {
				toUpdateBody({ firstName: '' }, settings(ignoreEmpty));
			} catch (error) {
				return error as InputError;
			}
			return undefined;
		};
		expect(empty(true)).toBeInstanceOf(InputError);
		expect(empty(true)?.message).toBe('The "Update Fields" parameter has no value to send for this item');
		expect(empty(true)?.fix).toMatch(/"Ignore Empty Values" is on/);
		// Without Ignore Empty Values an empty first name is a value like any other.
		expect(empty(false)).toBeUndefined();
		expect(() => toUpdateBody({}, settings(false))).toThrow('has no value to send');
	});
});
