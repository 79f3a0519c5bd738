-- Where a program's participants use the platform (ProgramPublished's optional frontendUrl): the links in its mails
-- and inbox entries lead there; none: the deployment's FRONTEND_URL.
ALTER TABLE track_info ADD COLUMN frontend_url varchar(500);

-- Where an inbox entry leads in the frontend (the same deep link as its mail).
ALTER TABLE notification ADD COLUMN link text;

-- The one-click unsubscribe URL of an optional notice's mail (RFC 8058 List-Unsubscribe); none for mandatory ones.
ALTER TABLE email_delivery ADD COLUMN unsubscribe_url text;
