/** One rejection per fulfilment, ever: by its location, or on the ledger's word that the units are gone. */
export const REJECT_FULFILMENT_SAGA = 'fulfilment.reject';
export const rejectSagaId = (fulfilmentId: string) => `fulfilment:${fulfilmentId}:rejected`;
