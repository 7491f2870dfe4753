export { waitFor } from './wait-for';
export { required } from './required';
