import { z } from 'zod';
import { id, str } from '@/lib/validation/input';

/** One unmatched person of a session's attendee report: add as a contact, or dismiss. */
export const unmatchedAttendeeInput = z.object({ sessionId: id, attendeeId: id });

/** One unmatched person, matched by hand to an existing contact. */
export const matchAttendeeInput = z.object({ sessionId: id, attendeeId: id, contactId: id });

/** What the user typed to find a contact to match someone to. */
export const contactSearchInput = z.object({ q: str().max(200, 'validation.tooLong') });
