package dev.herald.core.notification;

import dev.herald.core.common.InvalidRequestException;
import java.util.List;

/** A notification named e-mails, a solution or groups that do not exist; nothing was queued. */
public class UnknownRecipientsException extends InvalidRequestException {
  UnknownRecipientsException(List<FieldError> errors) {
    super(errors.get(0).field() + ": " + errors.get(0).message(), errors);
  }
}
