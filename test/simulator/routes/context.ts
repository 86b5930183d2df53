// What every route module receives besides the request: the state and the mutable settings.
import type { SimState } from '../state';
import type { Settings } from '../types';

export interface Services {
	state: SimState;
	settings: Settings;
}
