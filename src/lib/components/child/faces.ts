/**
 * Face values for the `faces` answer kind (DOMAIN §5.4): 5 for older children, 3 ('sad', 'okay',
 * 'happy') for 4–7. Any other option value (e.g. "I'd rather not say") is shown without a face.
 */
export const FACE_VALUES = ['very-unhappy', 'unhappy', 'okay', 'happy', 'very-happy', 'sad'] as const;
export type FaceValue = (typeof FACE_VALUES)[number];

export function isFace(value: string): value is FaceValue {
	return (FACE_VALUES as readonly string[]).includes(value);
}
