-- Server-side check of the pages' sign-in cookie (PostgreSQL): the cookie carries the account's session
-- stamp, and signing out (or an administrator's reset with admin add-user) replaces it, so a copied or
-- left-behind cookie stops working at once. NULL until the account first signs in.
ALTER TABLE users ADD COLUMN session_stamp text NULL;
